using System.Text;

namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>What a CloudTrail record becomes in the lake.</summary>
internal enum EventKind
{
    Skip,
    BedrockCall,
    CredentialEvent,
}

/// <summary>
/// Which events the lake keeps. One list, read both as strings (exact check after parsing) and as UTF-8 bytes (the
/// pre-parse filter), so the two paths cannot drift apart.
/// </summary>
internal static class EventCatalog
{
    /// <summary>
    /// Events that mint or federate a session, by event source. Sign-in: only events that start a console session
    /// (ConsoleLogin; SwitchRole/RenewRole/ExitRole change the console role; GetSigninToken is the federation endpoint
    /// turning temporary credentials into a console session) and Identity Center's UserAuthentication, which starts
    /// the portal session later role credentials come from. CheckMfa, CredentialChallenge, CredentialVerification and
    /// password events are steps of a sign-in, not sessions, and are skipped.
    /// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html)
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> CredentialEvents = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["sts.amazonaws.com"] = ["AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "GetSessionToken", "GetFederationToken", "AssumeRoot"],
        ["sso.amazonaws.com"] = ["GetRoleCredentials", "Federate"],
        ["sso-oauth.amazonaws.com"] = ["CreateTokenWithIAM", "CreateToken"],
        ["signin.amazonaws.com"] = ["ConsoleLogin", "SwitchRole", "RenewRole", "ExitRole", "GetSigninToken", "UserAuthentication"],
        ["rolesanywhere.amazonaws.com"] = ["CreateSession"],
        ["eks-auth.amazonaws.com"] = ["AssumeRoleForPodIdentity"],
    };

    private static readonly byte[][] CredentialSourceBytes = [.. CredentialEvents.Keys.Select(Encoding.UTF8.GetBytes)];

    private static readonly byte[][] CredentialNameBytes =
        [.. CredentialEvents.Values.SelectMany(names => names).Distinct(StringComparer.Ordinal).Select(Encoding.UTF8.GetBytes)];

    public static EventKind Classify(string eventSource, string eventName)
    {
        if (IsBedrockSource(eventSource.AsSpan()))
        {
            return EventKind.BedrockCall;
        }

        return CredentialEvents.TryGetValue(eventSource, out var names) && names.Contains(eventName, StringComparer.Ordinal)
            ? EventKind.CredentialEvent
            : EventKind.Skip;
    }

    /// <summary>Every <c>bedrock*.amazonaws.com</c>: bedrock, bedrock-runtime (third-party spelling), bedrock-agent(-runtime), bedrock-mantle.</summary>
    public static bool IsBedrockSource(ReadOnlySpan<char> eventSource) =>
        eventSource.StartsWith("bedrock", StringComparison.Ordinal) && eventSource.EndsWith(".amazonaws.com", StringComparison.Ordinal);

    public static bool IsBedrockSource(ReadOnlySpan<byte> eventSource) =>
        eventSource.StartsWith("bedrock"u8) && eventSource.EndsWith(".amazonaws.com"u8);

    public static bool IsCredentialSource(ReadOnlySpan<byte> eventSource)
    {
        foreach (var source in CredentialSourceBytes)
        {
            if (eventSource.SequenceEqual(source))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the name is a credential event of any source: the filter's superset of <see cref="Classify"/>.</summary>
    public static bool IsAnyCredentialEventName(ReadOnlySpan<byte> eventName)
    {
        foreach (var name in CredentialNameBytes)
        {
            if (eventName.SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }
}
