using System.Text.Json;
using BedrockTrail.Normalise.Json;

namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>
/// What a record's <c>userIdentity</c> says about who made the call, read once and used for both the principal
/// columns of a Bedrock call and the caller columns of a credential event.
/// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html)
/// </summary>
internal sealed record CallerIdentity
{
    public string? Type { get; init; }
    public string? PrincipalId { get; init; }
    public string? Arn { get; init; }
    public string? AccountId { get; init; }
    public string? UserName { get; init; }
    public string? AccessKeyId { get; init; }
    public string? InvokedBy { get; init; }
    /// <summary>SAMLUser / WebIdentityUser: the identity provider.</summary>
    public string? IdentityProvider { get; init; }
    public string? SessionIssuerType { get; init; }
    public string? SessionIssuerArn { get; init; }
    public string? SessionIssuerPrincipalId { get; init; }
    public string? SessionName { get; init; }
    public string? SourceIdentity { get; init; }
    public string? Ec2RoleDelivery { get; init; }
    public string? OnBehalfOfUserId { get; init; }
    public string? IdentityStoreArn { get; init; }
    public string? InScopeOf { get; init; }
    public DateTime? SessionCreated { get; init; }
    public bool? MfaAuthenticated { get; init; }

    public static CallerIdentity From(JsonElement userIdentity)
    {
        var sessionContext = userIdentity.Obj("sessionContext"u8);
        var issuer = sessionContext.Obj("sessionIssuer"u8);
        var attributes = sessionContext.Obj("attributes"u8);
        var onBehalfOf = userIdentity.Obj("onBehalfOf"u8);
        var type = userIdentity.Str("type"u8);
        var arn = userIdentity.Str("arn"u8);
        var principalId = userIdentity.Str("principalId"u8);
        return new CallerIdentity
        {
            Type = type,
            PrincipalId = principalId,
            Arn = arn,
            AccountId = userIdentity.Str("accountId"u8),
            UserName = userIdentity.Str("userName"u8),
            AccessKeyId = userIdentity.Str("accessKeyId"u8),
            InvokedBy = userIdentity.Str("invokedBy"u8),
            IdentityProvider = userIdentity.Str("identityProvider"u8),
            SessionIssuerType = issuer.Str("type"u8),
            SessionIssuerArn = issuer.Str("arn"u8),
            SessionIssuerPrincipalId = issuer.Str("principalId"u8),
            SessionName = SessionNameOf(type, arn, principalId),
            SourceIdentity = sessionContext.Str("sourceIdentity"u8),
            Ec2RoleDelivery = sessionContext.Str("ec2RoleDelivery"u8),
            OnBehalfOfUserId = onBehalfOf.Str("userId"u8),
            IdentityStoreArn = onBehalfOf.Str("identityStoreArn"u8),
            InScopeOf = InScopeOfText(userIdentity.Obj("inScopeOf"u8)),
            SessionCreated = attributes.Time("creationDate"u8),
            MfaAuthenticated = attributes.Bool("mfaAuthenticated"u8),
        };
    }

    /// <summary>
    /// The caller-chosen session name: the last segment of an assumed-role ARN
    /// (<c>arn:aws:sts::1:assumed-role/Role/session</c>, no path in it), else what follows the first ':' of the
    /// principal id of an assumed role (<c>AROA…:session</c>) or federated user (<c>account:name</c>).
    /// </summary>
    internal static string? SessionNameOf(string? type, string? arn, string? principalId)
    {
        if (arn is not null && arn.Contains(":assumed-role/", StringComparison.Ordinal))
        {
            var slash = arn.LastIndexOf('/');
            if (slash < arn.Length - 1)
            {
                return arn[(slash + 1)..];
            }
        }

        if (type is "AssumedRole" or "FederatedUser" && principalId is not null)
        {
            var colon = principalId.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0 && colon < principalId.Length - 1)
            {
                return principalId[(colon + 1)..];
            }
        }

        return null;
    }

    // "AWS::Lambda::Function arn:aws:lambda:…:function:name": the kind of workload and the workload itself.
    private static string? InScopeOfText(JsonElement inScopeOf)
    {
        var issuerType = inScopeOf.Str("issuerType"u8);
        var issuedTo = inScopeOf.Str("credentialsIssuedTo"u8);
        return issuerType is null ? issuedTo : issuedTo is null ? issuerType : issuerType + " " + issuedTo;
    }
}
