namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// Reads the parts of IAM and STS ARNs the resolver needs. Lenient: anything that is not the expected shape gives
/// null rather than an error, because real trails carry truncated and odd values.
/// </summary>
internal static class Arns
{
    /// <summary>The account field of an ARN (<c>arn:aws:sts::123456789012:...</c>), else null.</summary>
    public static string? Account(string? arn)
    {
        var parts = Split(arn);
        return parts is { Length: >= 6 } && parts[4].Length > 0 ? parts[4] : null;
    }

    /// <summary>The session name of <c>arn:aws:sts::acct:assumed-role/Role/session</c> or of a federated user.</summary>
    public static string? SessionName(string? arn)
    {
        var resource = Resource(arn);
        if (resource is null)
        {
            return null;
        }

        if (resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            var slash = resource.LastIndexOf('/');
            return slash > "assumed-role/".Length ? resource[(slash + 1)..] : null;
        }

        return resource.StartsWith("federated-user/", StringComparison.Ordinal) ? resource["federated-user/".Length..] : null;
    }

    /// <summary>
    /// The role ARN behind an assumed-role ARN. The role's path is not in the session ARN, so prefer the session
    /// issuer ARN when the trail gives it.
    /// </summary>
    public static string? RoleOfAssumedRole(string? arn)
    {
        var parts = Split(arn);
        var resource = Resource(arn);
        if (parts is null || resource is null || !resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = resource["assumed-role/".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var role = slash > 0 ? rest[..slash] : rest;
        return $"arn:{parts[1]}:iam::{parts[4]}:role/{role}";
    }

    /// <summary>The last path segment of an IAM role or user ARN (its name).</summary>
    public static string? Name(string? arn)
    {
        var resource = Resource(arn);
        if (resource is null)
        {
            return null;
        }

        var slash = resource.LastIndexOf('/');
        return slash >= 0 && slash < resource.Length - 1 ? resource[(slash + 1)..] : null;
    }

    /// <summary>Whether the ARN is an IAM user (<c>arn:aws:iam::acct:user/...</c>).</summary>
    public static bool IsIamUser(string? arn) =>
        Split(arn) is { Length: >= 6 } parts && parts[2] == "iam" && parts[5].StartsWith("user/", StringComparison.Ordinal);

    public static string RootOf(string account, string? partitionFromArn = null)
    {
        var partition = Split(partitionFromArn) is { Length: >= 6 } parts && parts[1].Length > 0 ? parts[1] : "aws";
        return $"arn:{partition}:iam::{account}:root";
    }

    private static string? Resource(string? arn) => Split(arn) is { Length: >= 6 } parts ? parts[5] : null;

    // ARNs have six colon-separated fields; the resource (last) may itself contain colons.
    private static string[]? Split(string? arn) =>
        arn is not null && arn.StartsWith("arn:", StringComparison.Ordinal) ? arn.Split(':', 6) : null;
}
