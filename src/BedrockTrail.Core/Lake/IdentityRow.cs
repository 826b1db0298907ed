namespace BedrockTrail.Lake;

/// <summary>
/// The authoritative identity behind one session (access key) seen in <c>bedrock_calls</c>: a row of the lake's
/// <c>identities</c> table.
/// </summary>
public sealed record IdentityRow
{
    /// <summary>Joins to <c>bedrock_calls.session_key</c>.</summary>
    public required string SessionKey { get; init; }
    public string? AccessKeyId { get; init; }
    /// <summary>The ARN the session acted as (assumed-role, federated-user, IAM user or root ARN).</summary>
    public string? SessionArn { get; init; }
    public string? SessionIssuerArn { get; init; }
    public string? AccountId { get; init; }
    /// <summary>The person or workload as a readable string: user name or e-mail, token subject, instance id, user ARN.</summary>
    public required string Identity { get; init; }
    /// <summary>One of <see cref="IdentityKinds"/>.</summary>
    public required string IdentityKind { get; init; }
    /// <summary>Where the identity came from: identity-center, saml, oidc, console, ec2, lambda, ecs, eks, iam-user, bedrock-api-key, root, aws-service, source-identity.</summary>
    public string? IdentitySource { get; init; }
    /// <summary>Hops from the authoritative identity down to the session, as ARNs or equivalent.</summary>
    public required IReadOnlyList<string> Chain { get; init; }
    public required int Hops { get; init; }
    /// <summary>Every account the chain passes through, in chain order.</summary>
    public required IReadOnlyList<string> ChainAccounts { get; init; }
    /// <summary>One of <see cref="ResolutionStatuses"/>.</summary>
    public required string Status { get; init; }
    /// <summary>How each link was made, in chain order, e.g. "access-key; source-identity"; ambiguity is said here.</summary>
    public required string Evidence { get; init; }
    /// <summary>The strongest-first list of evidence kinds used, one per link, aligned with <see cref="Chain"/> links.</summary>
    public required IReadOnlyList<string> LinkEvidence { get; init; }
    public string? SourceIdentity { get; init; }
    /// <summary>True for a long-term key (AKIA…) or a Bedrock API key: standing access.</summary>
    public bool LongTermCredential { get; init; }
    public bool BedrockApiKey { get; init; }
}

/// <summary>The values of <see cref="IdentityRow.IdentityKind"/>.</summary>
public static class IdentityKinds
{
    public const string Human = "human";
    public const string Workload = "workload";
    public const string IamUser = "iam_user";
    public const string Root = "root";
    public const string External = "external";
    public const string Unresolved = "unresolved";
}

/// <summary>The values of <see cref="IdentityRow.Status"/>.</summary>
public static class ResolutionStatuses
{
    public const string Resolved = "resolved";
    public const string Partial = "partial";
    public const string Unresolved = "unresolved";
}
