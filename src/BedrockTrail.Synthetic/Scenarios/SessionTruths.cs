using BedrockTrail.Lake;
using BedrockTrail.Synthetic.Truth;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>Builds truth entries following briefs/conventions.md: one place for the identity/kind/source/status rules.</summary>
internal static class SessionTruths
{
    public static SessionTruth Resolved(string key, string sessionArn, string accountId, string identity, string kind, string source, string scenario, IReadOnlyList<string> chain, string? sourceIdentity = null) => new()
    {
        SessionKey = key,
        AccessKeyId = key.StartsWith("principal", StringComparison.Ordinal) ? null : key,
        SessionArn = sessionArn,
        AccountId = accountId,
        Identity = identity,
        IdentityKind = kind,
        IdentitySource = source,
        Status = ResolutionStatuses.Resolved,
        Chain = chain,
        Scenario = scenario,
        SourceIdentity = sourceIdentity,
        LongTermCredential = key.StartsWith("AKIA", StringComparison.Ordinal),
    };

    public static SessionTruth Human(string key, string sessionArn, string accountId, string person, string source, string scenario, IReadOnlyList<string> sessionArns, string? sourceIdentity = null) =>
        Resolved(key, sessionArn, accountId, person, IdentityKinds.Human, source, scenario, [person, .. sessionArns], sourceIdentity);

    public static SessionTruth Workload(string key, string sessionArn, string accountId, string identity, string source, string scenario, IReadOnlyList<string> sessionArns) =>
        Resolved(key, sessionArn, accountId, identity, IdentityKinds.Workload, source, scenario, [identity, .. sessionArns]);

    /// <summary>An IAM user: the user ARN is the identity; a direct long-term key call has no link (hops 0).</summary>
    public static SessionTruth IamUser(string key, string sessionArn, string accountId, string userArn, string source, string scenario, IReadOnlyList<string> sessionArns, string? sourceIdentity = null) =>
        Resolved(key, sessionArn, accountId, userArn, IdentityKinds.IamUser, source, scenario, [userArn, .. sessionArns], sourceIdentity);
}
