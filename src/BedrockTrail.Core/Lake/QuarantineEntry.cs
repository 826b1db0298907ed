namespace BedrockTrail.Lake;

/// <summary>A source object, or one record of it, that could not be ingested, with the reason.</summary>
/// <param name="RecordIndex">The record's position in the object; null when the whole object is quarantined.</param>
public sealed record QuarantineEntry(string SourceObject, int? RecordIndex, string Reason, DateTime QuarantinedAt);
