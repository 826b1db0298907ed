using BedrockTrail.Synthetic.Randomness;

namespace BedrockTrail.Synthetic.World;

/// <summary>
/// The ways callers name a model: base id, foundation-model ARN (empty account), system inference profile
/// (us./eu./apac./global. + id) and application inference profile ARN.
/// See https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html.
/// </summary>
internal static class ModelCatalog
{
    public static readonly string[] BaseIds =
    [
        "anthropic.claude-3-5-sonnet-20240620-v1:0",
        "anthropic.claude-3-haiku-20240307-v1:0",
        "anthropic.claude-sonnet-4-20250514-v1:0",
        "amazon.nova-pro-v1:0",
        "amazon.nova-lite-v1:0",
        "meta.llama3-1-70b-instruct-v1:0",
        "amazon.titan-embed-text-v2:0",
        "mistral.mistral-large-2407-v1:0",
    ];

    public static readonly string[] InvokeOperations = ["InvokeModel", "InvokeModelWithResponseStream", "Converse", "ConverseStream"];

    /// <summary>A model id as a caller in <paramref name="region"/> of <paramref name="accountId"/> would pass it.</summary>
    public static string AsCalled(SeededRandom rng, string region, string accountId)
    {
        var baseId = rng.Pick(BaseIds);
        return rng.Next(10) switch
        {
            < 4 => baseId,
            < 6 => "arn:aws:bedrock:" + region + "::foundation-model/" + baseId,
            < 9 => (rng.Chance(0.25) ? "global" : Geography(region)) + "." + baseId,
            _ => "arn:aws:bedrock:" + region + ":" + accountId + ":application-inference-profile/" + AwsIds.LowerAlphanumeric(rng, 12),
        };
    }

    /// <summary>Where a cross-region profile may have served the call (additionalEventData.inferenceRegion).</summary>
    public static string? InferenceRegion(SeededRandom rng, string modelId, string region)
    {
        if (!modelId.StartsWith("us.", StringComparison.Ordinal) && !modelId.StartsWith("eu.", StringComparison.Ordinal) && !modelId.StartsWith("global.", StringComparison.Ordinal))
        {
            return null;
        }

        return rng.Chance(0.5) ? region : Geography(region) switch
        {
            "eu" => "eu-central-1",
            "apac" => "ap-southeast-2",
            _ => "us-east-2",
        };
    }

    private static string Geography(string region) => region[..2] switch
    {
        "eu" => "eu",
        "ap" => "apac",
        _ => "us",
    };
}
