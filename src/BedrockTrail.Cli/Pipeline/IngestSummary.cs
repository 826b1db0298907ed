namespace BedrockTrail.Cli.Pipeline;

/// <summary>What an ingest run did, for the run summary and the exit code.</summary>
public sealed class IngestSummary
{
    private long _objectsRead;
    private long _rawBytes;
    private long _decompressedBytes;
    private long _recordsScanned;

    public string RunId { get; init; } = string.Empty;

    public long ObjectsListed { get; set; }

    /// <summary>Sources under which no CloudTrail or invocation log object was found: usually a wrong bucket or prefix.</summary>
    public IList<string> SourcesWithoutLogs { get; } = [];

    public long ObjectsRead => Interlocked.Read(ref _objectsRead);

    public long ObjectsUnchanged { get; set; }

    public Dictionary<string, long> ObjectsSkipped { get; } = new(StringComparer.Ordinal);

    public long RawBytes => Interlocked.Read(ref _rawBytes);

    public long DecompressedBytes => Interlocked.Read(ref _decompressedBytes);

    public long RecordsScanned => Interlocked.Read(ref _recordsScanned);

    public long BedrockCallsWritten { get; set; }

    public long CredentialEventsWritten { get; set; }

    public long InvocationLogsWritten { get; set; }

    public long DuplicatesDropped { get; set; }

    public long OutsideFilter { get; set; }

    public long ObjectsQuarantined { get; set; }

    public long RecordsQuarantined { get; set; }

    public long ObjectsFailed { get; set; }

    public int RemovedOnRecovery { get; set; }

    public int? SessionsResolved { get; set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>The process's peak resident memory (VmHWM on Linux), measured at the end of the run.</summary>
    public long PeakMemoryBytes { get; set; }

    public bool HadProblems => ObjectsQuarantined > 0 || RecordsQuarantined > 0 || ObjectsFailed > 0;

    public long SkippedTotal => ObjectsSkipped.Values.Sum();

    public void CountRead(long rawBytes, long decompressedBytes, long records)
    {
        Interlocked.Increment(ref _objectsRead);
        Interlocked.Add(ref _rawBytes, rawBytes);
        Interlocked.Add(ref _decompressedBytes, decompressedBytes);
        Interlocked.Add(ref _recordsScanned, records);
    }

    public void CountSkipped(string reason) => ObjectsSkipped[reason] = ObjectsSkipped.GetValueOrDefault(reason) + 1;
}
