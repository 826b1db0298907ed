namespace BedrockTrail.Governance.Policies;

/// <summary>
/// What a statement's resource pattern means for Bedrock: whether it can name a resource of the action's service at
/// all, and a readable form for reports (<c>anthropic.claude-3-haiku*</c> rather than the whole foundation-model ARN).
/// </summary>
internal static class ResourcePattern
{
    private const string FoundationModel = "foundation-model/";

    /// <summary>
    /// True when the pattern can match an ARN of <paramref name="service"/>: <c>*</c>, or an ARN whose service segment
    /// is that service or a wildcard. A statement scoped to S3 buckets grants no Bedrock action, whatever its Action says.
    /// </summary>
    public static bool CanName(string pattern, string service)
    {
        if (pattern == "*")
        {
            return true;
        }

        var parts = pattern.Split(':', 6);
        if (parts.Length < 3)
        {
            // "arn:*" and the like: the wildcard spans the service segment.
            return IamPattern.Matches(pattern, "arn:aws:" + service + ":us-east-1:123456789012:x", ignoreCase: false);
        }

        return IamPattern.Matches(parts[0], "arn", ignoreCase: false)
            && IamPattern.Matches(parts[2], service, ignoreCase: true);
    }

    /// <summary>The model or resource a pattern names, readably: <c>*</c>, a foundation model id, or <c>type/id</c>.</summary>
    public static string Display(string pattern)
    {
        var parts = pattern.Split(':', 6);
        if (parts.Length < 6)
        {
            return pattern;
        }

        var resource = parts[5];
        if (resource == "*")
        {
            return "*";
        }

        return resource.StartsWith(FoundationModel, StringComparison.Ordinal) ? resource[FoundationModel.Length..] : resource;
    }
}
