using BedrockTrail.Resolve.Credentials;
using BedrockTrail.Resolve.Sessions;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// A principal on the way up a chain: the observed session at the bottom, then each issuing call's caller. Both are
/// CloudTrail userIdentity blocks, so one shape serves. A struct: a node lives for one step of one walk, and a
/// million sessions' nodes on the heap were a third of what resolution allocated.
/// </summary>
internal readonly record struct PrincipalNode
{
    private readonly string? _sessionName;

    public string? Type { get; init; }
    public string? Arn { get; init; }
    public string? PrincipalId { get; init; }
    public string? AccountId { get; init; }
    public string? AccessKeyId { get; init; }
    public string? UserName { get; init; }
    public string? SessionIssuerArn { get; init; }

    /// <summary>The session name given, else the one read from <see cref="SessionNameArn"/> (when asked).</summary>
    public string? SessionName
    {
        get => _sessionName ?? Arns.SessionName(SessionNameArn);
        init => _sessionName = value;
    }

    /// <summary>
    /// The ARN the session name is read from when none is given. Read on demand: a chain linked by access keys never
    /// asks, and reading it eagerly was a string per hop of every session.
    /// </summary>
    public string? SessionNameArn { get; init; }
    public DateTime? SessionCreated { get; init; }
    public string? SourceIdentity { get; init; }
    public string? OnBehalfOfUserId { get; init; }
    public string? InvokedBy { get; init; }
    /// <summary>When and from where this principal was seen acting (its Bedrock call, or the issuing call it made).</summary>
    public DateTime? ActedAt { get; init; }
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }

    /// <summary>The role the session belongs to: the session issuer, else read from the assumed-role ARN.</summary>
    public string? RoleArn => RoleOf(SessionIssuerArn, Arn);

    public static string? RoleOf(string? sessionIssuerArn, string? arn) =>
        sessionIssuerArn is { } issuer && issuer.Contains(":role/", StringComparison.Ordinal) ? issuer : Arns.RoleOfAssumedRole(arn);

    public bool HasAnything => !string.IsNullOrEmpty(Type) || !string.IsNullOrEmpty(Arn) || !string.IsNullOrEmpty(PrincipalId)
        || !string.IsNullOrEmpty(AccessKeyId) || !string.IsNullOrEmpty(InvokedBy);

    /// <summary>A readable name for the chain: the ARN, else account and principal id, else what is known.</summary>
    public string Label =>
        Arn ?? (AccountId is not null && PrincipalId is not null ? AccountId + ":" + PrincipalId : null)
        ?? PrincipalId ?? InvokedBy ?? AccessKeyId ?? AccountId ?? "unknown";

    public static PrincipalNode From(ObservedSession s) => new()
    {
        Type = s.PrincipalType,
        Arn = s.PrincipalArn,
        PrincipalId = s.PrincipalId,
        AccountId = s.PrincipalAccountId ?? Arns.Account(s.PrincipalArn) ?? s.AccountId,
        AccessKeyId = s.AccessKeyId,
        UserName = s.UserName,
        SessionIssuerArn = s.SessionIssuerArn,
        SessionName = s.SessionName,
        SessionNameArn = s.PrincipalArn,
        SessionCreated = s.SessionCreated,
        SourceIdentity = s.SourceIdentity,
        OnBehalfOfUserId = s.OnBehalfOfUserId,
        InvokedBy = s.InvokedBy,
        ActedAt = s.FirstSeen,
        SourceIp = s.SourceIp,
        UserAgent = s.UserAgent,
    };

    /// <summary>The caller of an issuing call: the parent of the session it issued.</summary>
    public static PrincipalNode CallerOf(CredentialIssuance issuance)
    {
        var e = issuance.Primary;
        return new PrincipalNode
        {
            Type = e.CallerType,
            Arn = e.CallerArn,
            PrincipalId = e.CallerPrincipalId,
            AccountId = e.CallerAccountId ?? Arns.Account(e.CallerArn),
            AccessKeyId = e.CallerAccessKeyId,
            UserName = e.CallerUserName,
            SessionIssuerArn = e.CallerSessionIssuerArn,
            SessionNameArn = e.CallerArn,
            SessionCreated = e.CallerSessionCreated,
            SourceIdentity = e.CallerSourceIdentity,
            OnBehalfOfUserId = e.CallerOnBehalfOfUserId,
            InvokedBy = e.InvokedBy,
            ActedAt = e.EventTime,
            SourceIp = e.SourceIp,
            UserAgent = e.UserAgent,
        };
    }
}
