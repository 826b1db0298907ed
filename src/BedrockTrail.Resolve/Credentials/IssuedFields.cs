namespace BedrockTrail.Resolve.Credentials;

/// <summary>The issued-credential fields of a call logged more than once, each the first non-empty among its copies.</summary>
internal sealed record IssuedFields
{
    /// <summary>The copies' event ids (one per account that recorded the call).</summary>
    public required IReadOnlyList<string> EventIds { get; init; }

    /// <summary>Recipient accounts that recorded a copy.</summary>
    public required IReadOnlyList<string> RecordedIn { get; init; }

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
