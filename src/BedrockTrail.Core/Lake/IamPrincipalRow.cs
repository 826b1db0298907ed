namespace BedrockTrail.Lake;

/// <summary>
/// Every user and role of an imported authorization-details document, whether or not it holds a Bedrock grant: a row of
/// the lake's <c>iam_principals</c> table. It tells "used but not granted" (the principal was imported and holds no
/// grant) from "not imported" (its account's document was never given).
/// </summary>
public sealed record IamPrincipalRow
{
    public required string AccountId { get; init; }
    public required string PrincipalArn { get; init; }
    /// <summary><c>user</c> or <c>role</c>.</summary>
    public required string PrincipalType { get; init; }
    public required string PrincipalName { get; init; }
    public IReadOnlyList<string> Groups { get; init; } = [];
    /// <summary>A permissions boundary is attached; it is not evaluated (the grant may be narrower than reported).</summary>
    public required bool HasPermissionsBoundary { get; init; }
    /// <summary>The role's trust policy names these principals and services (for roles; empty for users).</summary>
    public IReadOnlyList<string> TrustedBy { get; init; } = [];
    public required string SourceFile { get; init; }
    public required DateTime ImportedAt { get; init; }
}
