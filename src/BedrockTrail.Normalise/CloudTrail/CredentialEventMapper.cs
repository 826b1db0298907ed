using System.Text.Json;
using BedrockTrail.Lake;
using BedrockTrail.Normalise.Json;

namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>
/// A credential-issuing record as a <see cref="CredentialEvent"/>. The common shape is STS's: request
/// <c>roleArn</c>/<c>roleSessionName</c>, response <c>credentials.accessKeyId</c> and <c>assumedRoleUser</c> or
/// <c>federatedUser</c>. <see cref="FederationOf"/> adds what each federation kind says about the outside identity.
/// The response's <c>sessionToken</c> is never read.
/// </summary>
internal static class CredentialEventMapper
{
    public static CredentialEvent Map(EventHeader header)
    {
        var record = header.Record;
        var caller = header.Caller;
        var request = header.RequestParameters;
        var response = header.ResponseElements;

        // Roles Anywhere answers with a credentialSet list; its first entry has the STS shape.
        var issued = header.EventSource == "rolesanywhere.amazonaws.com" ? FirstOf(response.Any("credentialSet"u8)) : response;
        var assumedRoleUser = issued.Obj("assumedRoleUser"u8);
        var federatedUser = issued.Obj("federatedUser"u8);

        var row = new CredentialEvent
        {
            EventId = header.EventId,
            EventTime = header.EventTime,
            EventSource = header.EventSource,
            EventName = header.EventName,
            AccountId = header.AccountId,
            Region = header.Region,
            RequestId = header.RequestId,
            SharedEventId = record.Str("sharedEventID"u8),
            IssuedAccessKeyId = issued.Obj("credentials"u8).Str("accessKeyId"u8),
            // EKS Pod Identity spells it assumeRoleId.
            IssuedArn = assumedRoleUser.Str("arn"u8) ?? federatedUser.Str("arn"u8),
            IssuedPrincipalId = assumedRoleUser.Str("assumedRoleId"u8) ?? assumedRoleUser.Str("assumeRoleId"u8) ?? federatedUser.Str("federatedUserId"u8),
            RoleArn = request.Str("roleArn"u8) ?? issued.Str("roleArn"u8),
            RoleSessionName = request.Str("roleSessionName"u8) ?? request.Str("sessionName"u8),
            SourceIdentity = request.Str("sourceIdentity"u8) ?? issued.Str("sourceIdentity"u8) ?? caller.SourceIdentity,
            SessionTags = SessionTagsText.From(request),
            CallerType = caller.Type,
            CallerPrincipalId = caller.PrincipalId,
            CallerArn = caller.Arn,
            CallerAccountId = caller.AccountId,
            CallerAccessKeyId = caller.AccessKeyId,
            CallerUserName = caller.UserName,
            CallerSessionIssuerArn = caller.SessionIssuerArn,
            CallerSourceIdentity = caller.SourceIdentity,
            CallerOnBehalfOfUserId = caller.OnBehalfOfUserId,
            CallerIdentityStoreArn = caller.IdentityStoreArn,
            CallerSessionCreated = caller.SessionCreated,
            InvokedBy = caller.InvokedBy,
            SourceIp = header.SourceIp,
            UserAgent = header.UserAgent,
            ErrorCode = header.ErrorCode,
            ErrorMessage = header.ErrorMessage,
            SourceObject = header.SourceObject,
        };

        return FederationOf(header, row);
    }

    private static CredentialEvent FederationOf(EventHeader header, CredentialEvent row)
    {
        var record = header.Record;
        var caller = header.Caller;
        var request = header.RequestParameters;
        var response = header.ResponseElements;
        var additional = header.AdditionalEventData;
        switch (header.EventSource, header.EventName)
        {
            case ("sts.amazonaws.com", "AssumeRoleWithSAML"):
                // principalArn is the SAML provider; the response repeats the assertion's subject and issuer.
                return row with
                {
                    FederationProvider = request.Str("principalArn"u8),
                    FederationSubject = response.Str("subject"u8),
                    FederationSubjectType = response.Str("subjectType"u8),
                    FederationIssuer = response.Str("issuer"u8),
                    FederationAudience = response.Str("audience"u8),
                };
            case ("sts.amazonaws.com", "AssumeRoleWithWebIdentity"):
                return row with
                {
                    FederationProvider = response.Str("provider"u8) ?? caller.IdentityProvider,
                    FederationSubject = response.Str("subjectFromWebIdentityToken"u8) ?? caller.UserName,
                    FederationAudience = response.Str("audience"u8),
                };
            case ("sts.amazonaws.com", "GetSessionToken"):
                // The session acts as the calling IAM user itself, with a new ASIA key.
                return row with { IssuedArn = row.IssuedArn ?? caller.Arn, IssuedPrincipalId = row.IssuedPrincipalId ?? caller.PrincipalId };
            case ("sts.amazonaws.com", "GetFederationToken"):
                return row with { RoleSessionName = row.RoleSessionName ?? request.Str("name"u8) };
            case ("sts.amazonaws.com", "AssumeRoot"):
                return AssumeRoot(row, request.Str("targetPrincipal"u8), caller.Arn);
            case ("sso.amazonaws.com", _):
                // GetRoleCredentials is logged in the Identity Center account; the target is only in serviceEventDetails.
                var details = record.Obj("serviceEventDetails"u8);
                return row with
                {
                    TargetAccountId = details.Str("account_id"u8) ?? request.Str("accountId"u8),
                    TargetRoleName = details.Str("role_name"u8) ?? request.Str("roleName"u8),
                    FederationProvider = caller.IdentityStoreArn,
                    FederationSubject = caller.OnBehalfOfUserId ?? caller.UserName,
                };
            case ("sso-oauth.amazonaws.com", _):
                return row with
                {
                    FederationProvider = additional.Str("identitystore:IdentityStoreArn"u8) ?? caller.IdentityStoreArn,
                    FederationSubject = additional.Str("identitystore:UserId"u8) ?? caller.OnBehalfOfUserId,
                    FederationAudience = request.Str("clientId"u8),
                };
            case ("signin.amazonaws.com", _):
                return SignIn(header, row);
            case ("rolesanywhere.amazonaws.com", _):
                return row with { FederationProvider = request.Str("trustAnchorArn"u8), FederationSubject = response.Str("subjectArn"u8) };
            case ("eks-auth.amazonaws.com", _):
                return PodIdentity(row, request, response);
            default:
                return row;
        }
    }

    // AssumeRoot returns root credentials for a member account: the session then acts as that account's root.
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-track-privileged-tasks.html)
    private static CredentialEvent AssumeRoot(CredentialEvent row, string? targetPrincipal, string? callerArn)
    {
        var isAccount = targetPrincipal is { Length: 12 } && targetPrincipal.All(char.IsAsciiDigit);
        var partition = callerArn?.Split(':') is [_, var p, ..] && p.Length > 0 ? p : "aws";
        return row with
        {
            TargetAccountId = targetPrincipal,
            IssuedArn = row.IssuedArn ?? (isAccount ? $"arn:{partition}:iam::{targetPrincipal}:root" : null),
            IssuedPrincipalId = row.IssuedPrincipalId ?? (isAccount ? targetPrincipal : null),
        };
    }

    // Sign-in events start a console session for the principal in userIdentity. A failed ConsoleLogin has no
    // errorCode, only responseElements.ConsoleLogin = "Failure" (and UserAuthentication the same in
    // serviceEventDetails): that is recorded as error_code "Failure" so failed sign-ins are not mistaken for
    // successful ones.
    private static CredentialEvent SignIn(EventHeader header, CredentialEvent row)
    {
        var caller = header.Caller;
        var outcome = header.ResponseElements.Str(header.EventName) ?? header.Record.Obj("serviceEventDetails"u8).Str(header.EventName);
        var failed = string.Equals(outcome, "Failure", StringComparison.OrdinalIgnoreCase);
        return row with
        {
            IssuedArn = row.IssuedArn ?? caller.Arn,
            IssuedPrincipalId = row.IssuedPrincipalId ?? caller.PrincipalId,
            RoleArn = row.RoleArn ?? header.AdditionalEventData.Str("SwitchTo"u8),
            FederationProvider = caller.IdentityStoreArn ?? caller.IdentityProvider,
            FederationSubject = caller.OnBehalfOfUserId,
            ErrorCode = row.ErrorCode ?? (failed ? "Failure" : null),
        };
    }

    // EKS Pod Identity: the agent trades the pod's service account token for role credentials; the session gets
    // tags naming the cluster, namespace and service account
    // (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html).
    private static CredentialEvent PodIdentity(CredentialEvent row, JsonElement request, JsonElement response)
    {
        var subject = response.Obj("subject"u8);
        var ns = subject.Str("namespace"u8);
        var serviceAccount = subject.Str("serviceAccount"u8);
        var cluster = request.Str("clusterName"u8);
        return row with
        {
            FederationProvider = cluster,
            FederationSubject = ns is null && serviceAccount is null ? null : $"system:serviceaccount:{ns}:{serviceAccount}",
            FederationAudience = response.Str("audience"u8),
            SessionTags = SessionTagsText.From(request, [
                new("eks-cluster-name", cluster),
                new("kubernetes-namespace", ns),
                new("kubernetes-service-account", serviceAccount),
            ]),
        };
    }

    private static JsonElement FirstOf(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 ? list[0] : default;
}
