namespace BedrockTrail.Lake;

/// <summary>
/// The lake's memory of one source object it has read: a row of <c>_bookkeeping/ingested</c>. A later run skips an
/// object whose source object, ETag and size are already here, which is what makes ingest incremental.
/// </summary>
public sealed record IngestedObject
{
    public required string SourceObject { get; init; }
    public string? ETag { get; init; }
    public required long Size { get; init; }
    /// <summary>"cloudtrail" or "invocation-log".</summary>
    public required string Kind { get; init; }
    /// <summary>"ingested", "partial" (some records quarantined or the object was truncated) or "quarantined".</summary>
    public required string Status { get; init; }
    public required int RecordsScanned { get; init; }
    public required int RowsKept { get; init; }
    public required int RecordsQuarantined { get; init; }
    public required DateTime IngestedAt { get; init; }
    public required string RunId { get; init; }
}
