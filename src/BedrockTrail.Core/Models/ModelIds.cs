namespace BedrockTrail.Models;

/// <summary>
/// Tells the foundation model behind a Bedrock <c>modelId</c> as the caller passed it, where the id alone tells it.
/// Callers pass base ids, foundation-model ARNs, system inference profiles (geo prefix + base id, or their ARN),
/// application inference profiles, provisioned, custom or imported model ARNs and prompt ARNs
/// (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html). Only the first three
/// name their model; the rest are opaque without a lookup in the account, so they give null.
/// </summary>
public static class ModelIds
{
    // Geographic prefixes of system-defined cross-region inference profiles. Longer prefixes first so that
    // "us-gov." is not read as "us" + "-gov.".
    private static readonly string[] GeoPrefixes = ["us-gov.", "apac.", "global.", "us.", "eu.", "jp.", "au.", "ca."];

    /// <summary>The base model id behind <paramref name="modelId"/>, or null when it cannot be known from the id alone.</summary>
    public static string? BaseModelOf(string? modelId)
    {
        if (string.IsNullOrWhiteSpace(modelId))
        {
            return null;
        }

        return modelId.StartsWith("arn:", StringComparison.Ordinal) ? FromArn(modelId) : StripGeoPrefix(modelId);
    }

    /// <summary>True when <paramref name="arn"/> names a Bedrock model-like resource (model, profile, provisioned throughput, prompt).</summary>
    public static bool IsModelResourceArn(string? arn)
    {
        if (arn is null || !TrySplitBedrockArn(arn, out var resourceType, out _))
        {
            return false;
        }

        return resourceType is "foundation-model" or "inference-profile" or "application-inference-profile"
            or "provisioned-model" or "custom-model" or "imported-model" or "custom-model-deployment"
            or "prompt" or "default-prompt-router" or "prompt-router";
    }

    private static string? FromArn(string arn)
    {
        if (!TrySplitBedrockArn(arn, out var resourceType, out var resourceId) || resourceId.Length == 0)
        {
            return null;
        }

        return resourceType switch
        {
            "foundation-model" => resourceId,
            // Only system profiles carry a geo prefix; an application profile id is random and opaque.
            "inference-profile" => HasGeoPrefix(resourceId, out var prefixLength) ? resourceId[prefixLength..] : null,
            _ => null,
        };
    }

    private static string StripGeoPrefix(string modelId) =>
        HasGeoPrefix(modelId, out var prefixLength) ? modelId[prefixLength..] : modelId;

    private static bool HasGeoPrefix(string id, out int prefixLength)
    {
        foreach (var prefix in GeoPrefixes)
        {
            // The rest must still look like "provider.model" so that a model named e.g. "us.something" without a
            // provider part is left alone.
            if (id.StartsWith(prefix, StringComparison.Ordinal) && id.IndexOf('.', prefix.Length) > prefix.Length)
            {
                prefixLength = prefix.Length;
                return true;
            }
        }

        prefixLength = 0;
        return false;
    }

    // arn:partition:bedrock:region:account:type/id (the id of a foundation model contains ':' itself, e.g. "-v1:0").
    private static bool TrySplitBedrockArn(string arn, out string resourceType, out string resourceId)
    {
        resourceType = string.Empty;
        resourceId = string.Empty;
        var parts = arn.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn" || parts[2] != "bedrock")
        {
            return false;
        }

        var resource = parts[5];
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return false;
        }

        resourceType = resource[..slash];
        resourceId = resource[(slash + 1)..];
        return true;
    }
}
