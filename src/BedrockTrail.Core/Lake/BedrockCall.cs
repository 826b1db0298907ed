namespace BedrockTrail.Lake;

/// <summary>
/// One Bedrock CloudTrail event (control plane, runtime, agents and mantle alike): a row of the lake's
/// <c>bedrock_calls</c> table. Column names are the snake_case of the property names (the lake writer derives them).
/// </summary>
public sealed record BedrockCall
{
    public required string EventId { get; init; }
    public required DateTime EventTime { get; init; }
    public required string EventSource { get; init; }
    public required string EventName { get; init; }
    /// <summary>recipientAccountId: the account whose trail recorded the call.</summary>
    public string? AccountId { get; init; }
    public string? Region { get; init; }
    /// <summary>"Management" or "Data" (eventCategory), which tells whether a trail needs data event selectors.</summary>
    public string? EventCategory { get; init; }
    /// <summary>The model as the caller named it: id, foundation-model ARN, inference profile, provisioned or custom model ARN.</summary>
    public string? ModelId { get; init; }
    /// <summary>The foundation model behind <see cref="ModelId"/> where the id alone tells it; null for opaque ARNs.</summary>
    public string? BaseModelId { get; init; }
    public string? InferenceRegion { get; init; }
    public string? PrincipalType { get; init; }
    public string? PrincipalId { get; init; }
    public string? PrincipalArn { get; init; }
    public string? PrincipalAccountId { get; init; }
    public string? UserName { get; init; }
    public string? AccessKeyId { get; init; }
    /// <summary>The key the identities table is keyed on: the access key, else a stable stand-in (see <see cref="SessionKeys"/>).</summary>
    public required string SessionKey { get; init; }
    public string? SessionIssuerType { get; init; }
    public string? SessionIssuerArn { get; init; }
    public string? SessionIssuerPrincipalId { get; init; }
    public string? SessionName { get; init; }
    public string? SourceIdentity { get; init; }
    public string? OnBehalfOfUserId { get; init; }
    public string? IdentityStoreArn { get; init; }
    public DateTime? SessionCreated { get; init; }
    public bool? MfaAuthenticated { get; init; }
    public bool? FromConsole { get; init; }
    /// <summary>sessionContext.ec2RoleDelivery: the session came from an EC2 instance profile.</summary>
    public string? Ec2RoleDelivery { get; init; }
    /// <summary>userIdentity.inScopeOf.issuerType/credentialsIssuedTo: e.g. the Lambda function the credentials were issued to.</summary>
    public string? InScopeOf { get; init; }
    public string? InvokedBy { get; init; }
    public bool? CallWithBearerToken { get; init; }
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }
    /// <summary>tlsDetails.clientProvidedHostHeader: the only place that says runtime, agent or control-plane endpoint.</summary>
    public string? EndpointHost { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public string? RequestId { get; init; }
    public bool? ReadOnly { get; init; }
    public required string SourceObject { get; init; }
}
