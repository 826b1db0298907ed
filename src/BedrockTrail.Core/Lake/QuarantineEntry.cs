namespace BedrockTrail.Lake;

/// <summary>A source object, or one record of it, that could not be ingested, with the reason.</summary>
/// <param name="RecordIndex">The record's position in the object; null when the whole object is quarantined.</param>
public sealed record QuarantineEntry(string SourceObject, int? RecordIndex, string Reason, DateTime QuarantinedAt)
{
    /// <summary>
    /// True when the failure was transient (throttling, network) and the next run reads the object again; such an
    /// entry stops showing once the object has been ingested.
    /// </summary>
    public bool Retryable { get; init; }

    public string? RunId { get; init; }
}
