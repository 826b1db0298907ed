using BedrockTrail.Ingest.Layout;
using BedrockTrail.Lake;
using BedrockTrail.Normalise.LakeWriting;

namespace BedrockTrail.Cli.Pipeline;

/// <summary>
/// Hands one object's rows to the lake, keeping only rows inside the requested window, accounts and regions, and
/// records the object in the ledger (unless its failure was transient, so that the next run reads it again) and its
/// problems in the quarantine.
/// </summary>
internal sealed class ObjectResultWriter
{
    private readonly LakeIngestSession _session;
    private readonly IngestRequest _request;
    private readonly TimeProvider _time;
    private readonly IngestSummary _summary;
    private readonly RowsForResolution? _forResolution;

    /// <param name="forResolution">Where added calls and credential events also go, when resolution will read them from memory.</param>
    public ObjectResultWriter(LakeIngestSession session, IngestRequest request, TimeProvider time, IngestSummary summary, RowsForResolution? forResolution = null)
    {
        _session = session;
        _request = request;
        _time = time;
        _summary = summary;
        _forResolution = forResolution;
    }

    public async Task WriteAsync(ObjectResult result, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var obj = result.Object;
        if (result.Transient)
        {
            _summary.ObjectsFailed++;
            _session.Quarantine(new QuarantineEntry(obj.Uri, null, result.ObjectProblem ?? "failed", now) { Retryable = true });
            return;
        }

        _summary.CountRead(obj.Size, result.DecompressedBytes, result.RecordsScanned);
        var kept = 0;
        // No delegate per row: the filter is checked here and the add awaited directly (tens of thousands of rows).
        foreach (var call in result.Rows.Calls)
        {
            if (InFilter(call.EventTime, call.AccountId, call.Region) && await _session.AddAsync(call, cancellationToken).ConfigureAwait(false))
            {
                kept++;
                _forResolution?.Add(call);
            }
        }

        foreach (var issuance in result.Rows.Credentials)
        {
            if (InFilter(issuance.EventTime, issuance.AccountId, issuance.Region) && await _session.AddAsync(issuance, cancellationToken).ConfigureAwait(false))
            {
                kept++;
                _forResolution?.Add(issuance);
            }
        }

        foreach (var record in result.Rows.InvocationLogs)
        {
            if (InFilter(record.EventTime, record.AccountId, record.Region) && await _session.AddAsync(record, cancellationToken).ConfigureAwait(false))
            {
                kept++;
            }
        }

        foreach (var failure in result.RecordFailures)
        {
            _session.Quarantine(new QuarantineEntry(obj.Uri, failure.RecordIndex, failure.Reason, now));
        }

        _summary.RecordsQuarantined += result.RecordFailures.Count;
        if (result.ObjectProblem is not null)
        {
            _summary.ObjectsQuarantined++;
            _session.Quarantine(new QuarantineEntry(obj.Uri, null, result.ObjectProblem, now));
        }

        _session.RecordIngested(new IngestedObject
        {
            SourceObject = obj.Uri,
            ETag = obj.ETag,
            Size = obj.Size,
            Kind = obj.Layout.Kind == LogObjectKind.InvocationLog ? "invocation-log" : "cloudtrail",
            Status = result.ObjectProblem is not null ? (kept > 0 ? "partial" : "quarantined") : result.RecordFailures.Count > 0 ? "partial" : "ingested",
            RecordsScanned = result.RecordsScanned,
            RowsKept = kept,
            RecordsQuarantined = result.RecordFailures.Count,
            IngestedAt = now,
            RunId = _session.RunId,
        });
    }

    private bool InFilter(DateTime eventTime, string? account, string? region)
    {
        var inFilter = _request.Window.Contains(eventTime)
            && (_request.Accounts is null || account is null || _request.Accounts.Contains(account))
            && (_request.Regions is null || region is null || _request.Regions.Contains(region));
        if (!inFilter)
        {
            _summary.OutsideFilter++;
        }

        return inFilter;
    }
}
