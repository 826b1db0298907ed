namespace BedrockTrail.Resolve.Provenance;

/// <summary>The evidence vocabulary of the identities table (one word per link; see conventions).</summary>
public static class EvidenceWords
{
    /// <summary>The session's access key is the key the issuing call returned.</summary>
    public const string AccessKey = "access-key";
    /// <summary>Key match on a call logged in two accounts whose copies were merged (cross-account AssumeRole).</summary>
    public const string SharedEvent = "shared-event";
    /// <summary>Weaker: role principal id + session name + creationDate close to the issuing call (console, Identity Center).</summary>
    public const string ConsolePrincipalTime = "console-principal-time";
    public const string IdentityCenter = "identity-center";
    public const string SourceIdentity = "source-identity";
    public const string Saml = "saml";
    public const string Oidc = "oidc";
    public const string AwsService = "aws-service";
    /// <summary>The session's own userIdentity names the root (IAM user, root, federated user's issuing IAM user).</summary>
    public const string UserIdentity = "user-identity";
    public const string MissingIssuer = "missing-issuer";

    public static string AmbiguousOf(int candidates) => $"ambiguous({candidates} candidates)";

    public static bool IsAmbiguous(string word) => word.StartsWith("ambiguous(", StringComparison.Ordinal);
}
