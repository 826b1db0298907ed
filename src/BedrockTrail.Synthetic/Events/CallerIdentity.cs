namespace BedrockTrail.Synthetic.Events;

/// <summary>
/// The <c>userIdentity</c> block of an event, in the shapes real trails use (see fixtures/samples): IAMUser,
/// AssumedRole, SAMLUser, WebIdentityUser, AWSService, AWSAccount, IdentityCenterUser.
/// </summary>
internal sealed record CallerIdentity
{
    public required string Type { get; init; }
    public string? PrincipalId { get; init; }
    public string? Arn { get; init; }
    public string? AccountId { get; init; }
    public string? AccessKeyId { get; init; }
    public string? UserName { get; init; }
    public string? InvokedBy { get; init; }
    public string? IdentityProvider { get; init; }
    public RoleRef? SessionIssuer { get; init; }
    /// <summary>sessionContext.attributes.creationDate; set for every temporary-credential session.</summary>
    public DateTimeOffset? CreationDate { get; init; }
    public bool MfaAuthenticated { get; init; }
    public string? SourceIdentity { get; init; }
    public string? Ec2RoleDelivery { get; init; }
    public OnBehalfOf? OnBehalfOf { get; init; }
    public string? CredentialId { get; init; }

    public static CallerIdentity AwsService(string service) => new() { Type = "AWSService", InvokedBy = service };

    /// <summary>The role-owner copy of a cross-account AssumeRole names only the caller's account and principal id.</summary>
    public static CallerIdentity AwsAccount(string principalId, string accountId) => new() { Type = "AWSAccount", PrincipalId = principalId, AccountId = accountId };
}

/// <summary>An IAM role as <c>sessionIssuer</c> names it.</summary>
internal sealed record RoleRef(string PrincipalId, string Arn, string AccountId, string Name)
{
    /// <summary>The session ARN for a session name: <c>arn:aws:sts::&lt;acct&gt;:assumed-role/&lt;name&gt;/&lt;session&gt;</c> (no path).</summary>
    public string SessionArn(string sessionName) => "arn:aws:sts::" + AccountId + ":assumed-role/" + Name + "/" + sessionName;
}

internal sealed record OnBehalfOf(string UserId, string IdentityStoreArn);
