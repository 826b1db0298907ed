using System.Text.Json;

namespace BedrockTrail.Governance.AuthorizationDetails;

/// <summary>
/// The parts of <c>aws iam get-account-authorization-details</c> output that grants come from
/// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html).
/// Policy documents stay as JSON elements (objects or URL-encoded strings) until evaluated.
/// </summary>
internal sealed record AuthorizationDocument(
    string SourceFile,
    IReadOnlyList<IamIdentity> Users,
    IReadOnlyList<IamIdentity> Roles,
    IReadOnlyList<IamIdentity> Groups,
    IReadOnlyList<ManagedPolicy> Policies);

/// <summary>A user, role or group with its inline and attached managed policies.</summary>
internal sealed record IamIdentity(
    string Arn,
    string Name,
    IReadOnlyList<InlinePolicy> InlinePolicies,
    IReadOnlyList<string> AttachedPolicyArns,
    IReadOnlyList<string> GroupNames,
    bool HasPermissionsBoundary,
    JsonElement? TrustPolicy)
{
    /// <summary>The account id in the ARN (<c>arn:aws:iam::111122223333:role/x</c>), or null when the ARN is malformed.</summary>
    public string? AccountId
    {
        get
        {
            var parts = Arn.Split(':', 6);
            return parts.Length == 6 && parts[4].Length > 0 ? parts[4] : null;
        }
    }
}

internal sealed record InlinePolicy(string Name, JsonElement Document);

/// <summary>A managed policy and its default version's document (other versions are not in force).</summary>
internal sealed record ManagedPolicy(string Arn, string Name, JsonElement? DefaultDocument);
