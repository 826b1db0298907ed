namespace BedrockTrail.Lake;

/// <summary>
/// Builds the key that ties a Bedrock call to its row in <c>identities</c>. A session is its access key; calls
/// without one (AWS services acting for themselves, bearer-token calls that name no key) fall back to the principal,
/// so every call still has exactly one identity row.
/// </summary>
public static class SessionKeys
{
    public static string For(string? accessKeyId, string? principalArn, string? principalId, string? invokedBy, string eventId)
    {
        if (!string.IsNullOrEmpty(accessKeyId))
        {
            return accessKeyId;
        }

        if (!string.IsNullOrEmpty(principalArn))
        {
            return "principal:" + principalArn;
        }

        if (!string.IsNullOrEmpty(principalId))
        {
            return "principal-id:" + principalId;
        }

        return !string.IsNullOrEmpty(invokedBy) ? "service:" + invokedBy : "event:" + eventId;
    }
}
