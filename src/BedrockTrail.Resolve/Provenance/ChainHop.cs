namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// One principal on a provenance chain, top-down: who it was, where it acted from, the call that issued it and the
/// evidence that linked it to the hop above. What a responder reads in <c>bedrocktrail trace</c>.
/// </summary>
public sealed record ChainHop
{
    /// <summary>The principal as the chain names it: its ARN, else <c>account:principalId</c>, else what is known.</summary>
    public required string Label { get; init; }
    public string? PrincipalType { get; init; }
    public string? Arn { get; init; }
    /// <summary>The role behind an assumed-role session (session issuer ARN where the trail gives it).</summary>
    public string? RoleArn { get; init; }
    public string? AccountId { get; init; }
    public string? SessionName { get; init; }
    public string? AccessKeyId { get; init; }
    public string? SourceIdentity { get; init; }
    /// <summary>When this principal acted: its first Bedrock call, or the issuing call it made for the hop below.</summary>
    public DateTime? ActedAt { get; init; }
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }
    /// <summary>The call that issued this principal's credentials, when one was found.</summary>
    public string? IssuingEventId { get; init; }
    public string? IssuingEventName { get; init; }
    public DateTime? IssuedAt { get; init; }
    /// <summary>Accounts whose trails recorded the issuing call (two for a merged cross-account call).</summary>
    public IReadOnlyList<string> IssuingRecordedIn { get; init; } = [];
    /// <summary>How this hop was linked to the one above it (an evidence word; see <see cref="EvidenceWords"/>).</summary>
    public required string LinkEvidence { get; init; }
}
