using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Tests.Support;

/// <summary>The userIdentity of a credential event's caller, applied onto the event's caller_* fields.</summary>
internal sealed record Caller(string? Type, string? Arn, string? PrincipalId, string? AccountId, string? AccessKeyId, string? SessionIssuerArn = null, DateTime? SessionCreated = null, string? InvokedBy = null, string? SourceIdentity = null)
{
    public static Caller IamUser(string account, string user, string key) =>
        new("IAMUser", $"arn:aws:iam::{account}:user/{user}", "AIDA" + user.ToUpperInvariant(), account, key);

    public static Caller Role(string account, string role, string session, string key, DateTime created, string? sourceIdentity = null) =>
        new("AssumedRole", Some.SessionArn(account, role, session), Some.RoleId(account, role) + ":" + session, account, key, Some.RoleArn(account, role), created, SourceIdentity: sourceIdentity);

    /// <summary>What the role owner's copy of a cross-account call says about the caller.</summary>
    public static Caller Account(string account, string principalId) => new("AWSAccount", null, principalId, account, null);

    public static Caller Root(string account, string key) => new("Root", $"arn:aws:iam::{account}:root", account, account, key);

    public static Caller Service(string service) => new("AWSService", null, null, null, null, InvokedBy: service);

    public CredentialEvent Apply(CredentialEvent e) => e with
    {
        CallerType = Type,
        CallerArn = Arn,
        CallerPrincipalId = PrincipalId,
        CallerAccountId = AccountId,
        CallerAccessKeyId = AccessKeyId,
        CallerSessionIssuerArn = SessionIssuerArn,
        CallerSessionCreated = SessionCreated,
        CallerSourceIdentity = SourceIdentity,
        InvokedBy = InvokedBy,
    };
}
