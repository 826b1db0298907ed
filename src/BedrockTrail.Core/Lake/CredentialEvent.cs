namespace BedrockTrail.Lake;

/// <summary>
/// One event that issued or federated credentials (STS, Identity Center, sign-in, Roles Anywhere, EKS Pod Identity):
/// a row of the lake's <c>credential_events</c> table. The caller_* columns describe the event's own
/// <c>userIdentity</c>, which is the parent of the session the event issued.
/// </summary>
public sealed record CredentialEvent
{
    public required string EventId { get; init; }
    public required DateTime EventTime { get; init; }
    public required string EventSource { get; init; }
    public required string EventName { get; init; }
    /// <summary>recipientAccountId.</summary>
    public string? AccountId { get; init; }
    public string? Region { get; init; }
    public string? RequestId { get; init; }
    /// <summary>Same value on both copies of a cross-account call (caller's account and role owner's account).</summary>
    public string? SharedEventId { get; init; }

    // What was issued.
    public string? IssuedAccessKeyId { get; init; }
    /// <summary>assumedRoleUser.arn, federatedUser.arn, or the ARN of the principal the sign-in was for.</summary>
    public string? IssuedArn { get; init; }
    /// <summary>assumedRoleUser.assumedRoleId (AROA…:session) or federatedUser.federatedUserId.</summary>
    public string? IssuedPrincipalId { get; init; }
    public string? RoleArn { get; init; }
    public string? RoleSessionName { get; init; }
    /// <summary>requestParameters.sourceIdentity, else the caller's session source identity.</summary>
    public string? SourceIdentity { get; init; }
    /// <summary>Identity Center GetRoleCredentials: the target account and role (serviceEventDetails).</summary>
    public string? TargetAccountId { get; init; }
    public string? TargetRoleName { get; init; }

    // Federation.
    /// <summary>SAML provider ARN, OIDC provider host, or the identity store for Identity Center.</summary>
    public string? FederationProvider { get; init; }
    /// <summary>SAML subject, OIDC subjectFromWebIdentityToken, or the Identity Center user id.</summary>
    public string? FederationSubject { get; init; }
    public string? FederationSubjectType { get; init; }
    public string? FederationIssuer { get; init; }
    public string? FederationAudience { get; init; }
    /// <summary>Session tags passed with the request (JSON object text), e.g. EKS Pod Identity's cluster, namespace and service account.</summary>
    public string? SessionTags { get; init; }

    // Who called (the parent).
    public string? CallerType { get; init; }
    public string? CallerPrincipalId { get; init; }
    public string? CallerArn { get; init; }
    public string? CallerAccountId { get; init; }
    public string? CallerAccessKeyId { get; init; }
    public string? CallerUserName { get; init; }
    public string? CallerSessionIssuerArn { get; init; }
    public string? CallerSourceIdentity { get; init; }
    public string? CallerOnBehalfOfUserId { get; init; }
    public string? CallerIdentityStoreArn { get; init; }
    public DateTime? CallerSessionCreated { get; init; }
    public string? InvokedBy { get; init; }
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public required string SourceObject { get; init; }
}
