namespace BedrockTrail.Resolve.Provenance;

/// <summary>The values of <c>identities.identity_source</c> (see the identity conventions).</summary>
public static class IdentitySources
{
    public const string IdentityCenter = "identity-center";
    public const string Saml = "saml";
    public const string Oidc = "oidc";
    public const string Ec2 = "ec2";
    public const string Lambda = "lambda";
    public const string Ecs = "ecs";
    public const string Eks = "eks";
    public const string AwsService = "aws-service";
    public const string IamUser = "iam-user";
    public const string BedrockApiKey = "bedrock-api-key";
    public const string Root = "root";
    public const string External = "external";
    public const string SourceIdentity = "source-identity";
}
