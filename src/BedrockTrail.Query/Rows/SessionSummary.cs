namespace BedrockTrail.Query.Rows;

/// <summary>
/// One session (one <c>session_key</c> of <c>bedrock_calls</c>) as DuckDB aggregates it: each identity field from the
/// earliest call (by event time, then event id) that has it, first and last seen, call counts overall and per model.
/// What the resolver needs of the calls, one row per session instead of one per call.
/// </summary>
public sealed record SessionSummary
{
    public required string SessionKey { get; init; }
    public string? AccessKeyId { get; init; }
    public string? AccountId { get; init; }
    public string? PrincipalType { get; init; }
    public string? PrincipalId { get; init; }
    public string? PrincipalArn { get; init; }
    public string? PrincipalAccountId { get; init; }
    public string? UserName { get; init; }
    public string? SessionIssuerType { get; init; }
    public string? SessionIssuerArn { get; init; }
    public string? SessionName { get; init; }
    public DateTime? SessionCreated { get; init; }
    public string? SourceIdentity { get; init; }
    public string? OnBehalfOfUserId { get; init; }
    public string? IdentityStoreArn { get; init; }
    public string? InvokedBy { get; init; }
    public string? Ec2RoleDelivery { get; init; }
    public string? InScopeOf { get; init; }
    public bool CallWithBearerToken { get; init; }
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }
    public required DateTime FirstSeen { get; init; }
    public required DateTime LastSeen { get; init; }
    public required int CallCount { get; init; }
    /// <summary>Calls per model as called (event name where no model is named), in no particular order.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> ModelCounts { get; init; }
}
