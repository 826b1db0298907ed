using BedrockTrail.Lake;
using BedrockTrail.Resolve.Credentials;
using BedrockTrail.Resolve.IdentityCenter;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// Roots reached through an issuing call rather than a parent session: SAML (Identity Center or another IdP), OIDC,
/// EKS Pod Identity and AWS services. Null means the call has an ordinary parent to follow.
/// </summary>
internal static class FederationRoots
{
    public static RootIdentity? Classify(CredentialIssuance issuance, in PrincipalNode issued, IdentityCenterDirectory directory)
    {
        var e = issuance.Primary;

        if (e.EventName == "AssumeRoleWithSAML" || e.CallerType == "SAMLUser")
        {
            var role = issuance.RoleArn ?? issued.RoleArn;
            var viaIdentityCenter = IdentityCenterRoles.IsIdentityCenterProvider(issuance.FederationProvider)
                || IdentityCenterRoles.IsReservedRole(role);
            var name = issuance.FederationSubject ?? SessionNameOf(issuance, issued) ?? e.CallerUserName;
            return name is null ? null
                : new RootIdentity(name, IdentityKinds.Human, viaIdentityCenter ? IdentitySources.IdentityCenter : IdentitySources.Saml);
        }

        if (e.EventName == "AssumeRoleWithWebIdentity" || e.CallerType == "WebIdentityUser")
        {
            var subject = issuance.FederationSubject ?? e.CallerUserName ?? SessionNameOf(issuance, issued);
            if (subject is null)
            {
                return null;
            }

            var kind = OidcProviders.IsHuman(issuance.FederationProvider ?? e.CallerPrincipalId) ? IdentityKinds.Human : IdentityKinds.Workload;
            return new RootIdentity(subject, kind, IdentitySources.Oidc);
        }

        if (e.EventName == "AssumeRoleForPodIdentity")
        {
            return PodIdentity(issuance) ?? new RootIdentity("eks-auth.amazonaws.com/" + (SessionNameOf(issuance, issued) ?? "unknown"), IdentityKinds.Workload, IdentitySources.AwsService);
        }

        if (e.CallerType == "AWSService" || (string.IsNullOrEmpty(e.CallerType) && !string.IsNullOrEmpty(e.InvokedBy)
            && string.IsNullOrEmpty(e.CallerArn) && string.IsNullOrEmpty(e.CallerAccessKeyId)))
        {
            return Service(e.InvokedBy ?? "unknown-service", SessionNameOf(issuance, issued), issuance);
        }

        return null;
    }

    /// <summary>The issued session's name, read only by the roots that name it (an ordinary role hop never does).</summary>
    private static string? SessionNameOf(CredentialIssuance issuance, in PrincipalNode issued) =>
        issued.SessionName ?? issuance.RoleSessionName ?? Arns.SessionName(issuance.IssuedArn);

    private static RootIdentity Service(string service, string? sessionName, CredentialIssuance issuance)
    {
        var name = sessionName ?? "unknown";
        switch (service.ToLowerInvariant())
        {
            case "ec2.amazonaws.com":
                return new RootIdentity(name, IdentityKinds.Workload, IdentitySources.Ec2);
            case "lambda.amazonaws.com":
                // The consuming session's name is the function name; the issuing call's own name is awslambda_….
                return new RootIdentity(name, IdentityKinds.Workload, IdentitySources.Lambda);
            case "ecs-tasks.amazonaws.com":
                return new RootIdentity(name, IdentityKinds.Workload, IdentitySources.Ecs);
            case "pods.eks.amazonaws.com":
                return PodIdentity(issuance) ?? new RootIdentity(service + "/" + name, IdentityKinds.Workload, IdentitySources.AwsService);
            default:
                return new RootIdentity(service + "/" + name, IdentityKinds.Workload, IdentitySources.AwsService);
        }
    }

    /// <summary>
    /// EKS Pod Identity tags every session with the cluster, namespace and service account.
    /// (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html)
    /// </summary>
    private static RootIdentity? PodIdentity(CredentialIssuance issuance)
    {
        if (issuance.FederationSubject is { } subject && subject.StartsWith("system:serviceaccount:", StringComparison.Ordinal))
        {
            return new RootIdentity(subject, IdentityKinds.Workload, IdentitySources.Eks);
        }

        // AssumeRoleForPodIdentity answers with subject {namespace, serviceAccount}; kept as JSON text or "ns/sa".
        if (issuance.FederationSubject is { } raw)
        {
            var subjectParts = SessionTagReader.Read(raw);
            if (subjectParts.TryGetValue("namespace", out var subjectNs) && subjectParts.TryGetValue("serviceAccount", out var subjectSa))
            {
                return new RootIdentity($"system:serviceaccount:{subjectNs}:{subjectSa}", IdentityKinds.Workload, IdentitySources.Eks);
            }

            var slash = raw.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && slash < raw.Length - 1 && raw.IndexOf('/', slash + 1) < 0 && !raw.Contains(':', StringComparison.Ordinal))
            {
                return new RootIdentity($"system:serviceaccount:{raw[..slash]}:{raw[(slash + 1)..]}", IdentityKinds.Workload, IdentitySources.Eks);
            }
        }

        var tags = SessionTagReader.Read(issuance.SessionTags);
        if (tags.TryGetValue("kubernetes-namespace", out var ns) && tags.TryGetValue("kubernetes-service-account", out var sa)
            && ns.Length > 0 && sa.Length > 0)
        {
            return new RootIdentity($"system:serviceaccount:{ns}:{sa}", IdentityKinds.Workload, IdentitySources.Eks);
        }

        return null;
    }
}
