namespace BedrockTrail.Resolve.Credentials;

/// <summary>The issued-credential fields of a call logged more than once, each the first non-empty among its copies.</summary>
internal sealed record IssuedFields
{
    public string? IssuedAccessKeyId { get; init; }
    public string? IssuedArn { get; init; }
    public string? IssuedPrincipalId { get; init; }
    public string? RoleArn { get; init; }
    public string? RoleSessionName { get; init; }
    public string? SourceIdentity { get; init; }
    public string? FederationProvider { get; init; }
    public string? FederationSubject { get; init; }
    public string? SessionTags { get; init; }
    public string? TargetAccountId { get; init; }
    public string? TargetRoleName { get; init; }
}
