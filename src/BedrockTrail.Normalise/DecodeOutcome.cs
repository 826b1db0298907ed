namespace BedrockTrail.Normalise;

/// <summary>What became of one source object as a whole. The caller decides what to do with each verdict
/// (typically: <see cref="NotCloudTrail"/> and <see cref="Empty"/> are skipped, <see cref="Malformed"/> and
/// <see cref="Truncated"/> are quarantined; rows already handed to the sink are good and stay).</summary>
public enum ObjectVerdict
{
    /// <summary>The object was read to its end; individual records may still have failed.</summary>
    Ok,

    /// <summary>Valid JSON but not this kind of log, e.g. a CloudTrail digest file (<c>logFiles</c>, no <c>Records</c>).</summary>
    NotCloudTrail,

    /// <summary>Not JSON, or JSON broken before any record could be read.</summary>
    Malformed,

    /// <summary>The bytes end inside the records; every complete record before the cut was decoded.</summary>
    Truncated,

    /// <summary>No bytes, or only whitespace.</summary>
    Empty,
}

/// <summary>One record that could not be decoded, by its position in the object (0-based).</summary>
public sealed record RecordFailure(int RecordIndex, string Reason);

/// <summary>The result of decoding one source object.</summary>
/// <param name="Verdict">The object as a whole.</param>
/// <param name="RecordsScanned">Complete records looked at (kept, skipped or failed).</param>
/// <param name="RowsKept">Rows handed to the sink.</param>
/// <param name="RecordFailures">Records that failed; the rest of the object was still decoded.</param>
/// <param name="ObjectFailure">Why the verdict is not <see cref="ObjectVerdict.Ok"/>; null when it is.</param>
public sealed record DecodeOutcome(
    ObjectVerdict Verdict,
    int RecordsScanned,
    int RowsKept,
    IReadOnlyList<RecordFailure> RecordFailures,
    string? ObjectFailure);
