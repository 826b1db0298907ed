namespace BedrockTrail.Synthetic.Truth;

/// <summary>
/// What the resolver must conclude about one session (the key Bedrock calls were made with), following
/// the identity conventions (briefs/conventions.md) to the letter.
/// </summary>
public sealed record SessionTruth
{
    /// <summary>The key of the session as <c>SessionKeys.For</c> builds it (the access key, else "principal:&lt;arn&gt;").</summary>
    public required string SessionKey { get; init; }
    public string? AccessKeyId { get; init; }
    /// <summary>The ARN the session acts as (assumed-role, IAM user or root ARN).</summary>
    public required string SessionArn { get; init; }
    public required string AccountId { get; init; }
    public required string Identity { get; init; }
    public required string IdentityKind { get; init; }
    public string? IdentitySource { get; init; }
    public required string Status { get; init; }
    /// <summary>From the authoritative identity down to the session: the identity string, then each session's ARN.</summary>
    public required IReadOnlyList<string> Chain { get; init; }
    /// <summary>Number of links, <c>Chain.Count - 1</c>.</summary>
    public int Hops => Chain.Count - 1;
    /// <summary>Which generator scenario planted the session (identity-center, saml, oidc-github, ec2, role-chain, ...).</summary>
    public required string Scenario { get; init; }
    public string? SourceIdentity { get; init; }
    public bool LongTermCredential { get; init; }
    public bool BedrockApiKey { get; init; }
}
