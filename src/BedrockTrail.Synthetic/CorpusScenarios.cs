namespace BedrockTrail.Synthetic;

/// <summary>The families of sessions the generator can plant; each one ends in Bedrock calls with a known identity.</summary>
[Flags]
public enum CorpusScenarios
{
    None = 0,
    /// <summary>Identity Center: GetRoleCredentials in the IdC account, AssumeRoleWithSAML in the target, a different session key.</summary>
    IdentityCenter = 1,
    /// <summary>Okta / Entra SAML into a role (CLI case: the issued key is the key used).</summary>
    Saml = 2,
    /// <summary>GitHub Actions and EKS IRSA through AssumeRoleWithWebIdentity.</summary>
    Oidc = 4,
    /// <summary>EC2 instance profiles, Lambda functions and ECS tasks.</summary>
    ServiceRoles = 8,
    /// <summary>IAM users: long-term keys, a Bedrock API key user, GetSessionToken sessions.</summary>
    IamUsers = 16,
    /// <summary>Role chains of depth 2..5 across accounts, recorded in both accounts.</summary>
    RoleChains = 32,
    /// <summary>Same role and session name for two people, an external first hop, sessions issued before the window, a leaked key.</summary>
    HardCases = 64,
    /// <summary>Planted LLMjacking patterns (recon, model access enablement, logging deleted, error burst, new region).</summary>
    LlmJacking = 128,
    /// <summary>Bedrock control-plane calls by admins and agent data events.</summary>
    ControlPlane = 256,
    All = IdentityCenter | Saml | Oidc | ServiceRoles | IamUsers | RoleChains | HardCases | LlmJacking | ControlPlane,
}
