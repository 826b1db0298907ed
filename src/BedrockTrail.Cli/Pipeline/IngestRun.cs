using System.Threading.Channels;
using BedrockTrail.Ingest.Retry;
using BedrockTrail.Ingest.Sources;
using BedrockTrail.Lake;
using BedrockTrail.Normalise.CloudTrail;
using BedrockTrail.Normalise.LakeWriting;

namespace BedrockTrail.Cli.Pipeline;

/// <summary>
/// One ingest: list every source, read and decode new objects on <see cref="IngestRequest.Concurrency"/> workers, and
/// hand their rows to a single lake writer, which commits at the end. Memory is bounded by the channels (a few objects
/// in flight per worker) and by the lake writer's row buffers, whatever the size of the source.
/// </summary>
internal sealed class IngestRun
{
    private readonly IngestRequest _request;
    private readonly ObjectRetryPolicy _retry;
    private readonly TimeProvider _time;
    private readonly IIngestProgress _progress;
    private readonly CloudTrailDecoderOptions? _decoderOptions;

    public IngestRun(IngestRequest request, ObjectRetryPolicy retry, TimeProvider time, IIngestProgress progress, CloudTrailDecoderOptions? decoderOptions = null)
    {
        _request = request;
        _retry = retry;
        _time = time;
        _progress = progress;
        _decoderOptions = decoderOptions;
    }

    /// <summary>
    /// After <see cref="ExecuteAsync"/>: this run's rows as resolution reads them, when they are all the lake holds
    /// (the lake had no sessions before) and the request resolves; otherwise null, and resolution reads the lake.
    /// </summary>
    public RowsForResolution? RowsForResolution { get; private set; }

    public async Task<IngestSummary> ExecuteAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var lake = new LakeLayout(_request.LakePath);
        var runId = RunIds.New(_time, Random.Shared);
        await using var session = await LakeIngestSession.OpenAsync(lake, runId, _request.RowsPerFile, cancellationToken).ConfigureAwait(false);
        var summary = new IngestSummary { RunId = runId, RemovedOnRecovery = session.RemovedOnRecovery };
        var forResolution = _request.Resolve && session.StartedWithoutSessions ? new RowsForResolution() : null;
        var filter = new ListingFilter(_request.Window.Since, _request.Window.Until, _request.Accounts, _request.Regions);
        foreach (var sourceText in _request.Sources)
        {
            await using var source = LogSources.Open(sourceText, _request.S3, _retry);
            var listedBefore = summary.ObjectsListed;
            await IngestSourceAsync(source, filter, session, summary, forResolution, cancellationToken).ConfigureAwait(false);
            if (summary.ObjectsListed == listedBefore)
            {
                summary.SourcesWithoutLogs.Add(source.Description);
            }
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        summary.BedrockCallsWritten = session.BedrockCallsWritten;
        summary.CredentialEventsWritten = session.CredentialEventsWritten;
        summary.InvocationLogsWritten = session.InvocationLogsWritten;
        summary.DuplicatesDropped = session.DuplicatesDropped;
        summary.Elapsed = _time.GetElapsedTime(started);
        RowsForResolution = forResolution;
        return summary;
    }

    private async Task IngestSourceAsync(ILogSource source, ListingFilter filter, LakeIngestSession session, IngestSummary summary, RowsForResolution? forResolution, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = Channel.CreateBounded<SourceObject>(new BoundedChannelOptions(_request.Concurrency * 2) { SingleWriter = true });
        var done = Channel.CreateBounded<ObjectResult>(new BoundedChannelOptions(_request.Concurrency * 2) { SingleReader = true });
        var lister = ListAsync(source, filter, session, summary, pending.Writer, stop.Token);
        var workers = Enumerable.Range(0, WorkersFor(source))
            .Select(_ => WorkAsync(source, pending.Reader, done.Writer, stop.Token))
            .ToArray();
        var allWorkers = Task.WhenAll(workers).ContinueWith(t => done.Writer.TryComplete(t.Exception?.GetBaseException()), TaskScheduler.Default);
        try
        {
            await WriteAsync(done.Reader, new ObjectResultWriter(session, _request, _time, summary, forResolution), summary, stop.Token).ConfigureAwait(false);
            await lister.ConfigureAwait(false);
            await allWorkers.ConfigureAwait(false);
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch
        {
            // Stop the other stages before the failure propagates; nothing of this run is committed.
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// S3 reads wait on the network, so more objects than cores are in flight to hide the latency. A local folder
    /// reads at memory speed and the work is all CPU: workers beyond the cores only spin and contend for the channels.
    /// </summary>
    private int WorkersFor(ILogSource source) =>
        source is FolderLogSource ? Math.Min(_request.Concurrency, Environment.ProcessorCount) : _request.Concurrency;

    private static async Task ListAsync(ILogSource source, ListingFilter filter, LakeIngestSession session, IngestSummary summary, ChannelWriter<SourceObject> pending, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var obj in SourceObjectReader.LogObjectsOnly(source.ListAsync(filter, cancellationToken), o => summary.CountSkipped(o.Layout.SkipReason.ToString())).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                summary.ObjectsListed++;
                if (session.AlreadyIngested(obj.Uri, obj.ETag, obj.Size))
                {
                    summary.ObjectsUnchanged++;
                    continue;
                }

                await pending.WriteAsync(obj, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // Workers drain what was listed and stop; a listing failure surfaces once, from this task.
            pending.TryComplete();
        }
    }

    private async Task WorkAsync(ILogSource source, ChannelReader<SourceObject> pending, ChannelWriter<ObjectResult> done, CancellationToken cancellationToken)
    {
        var processor = new ObjectProcessor(_retry, _decoderOptions);
        await foreach (var obj in pending.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var result = await processor.ProcessAsync(source, obj, cancellationToken).ConfigureAwait(false);
            await done.WriteAsync(result, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(ChannelReader<ObjectResult> done, ObjectResultWriter writer, IngestSummary summary, CancellationToken cancellationToken)
    {
        await foreach (var result in done.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteAsync(result, cancellationToken).ConfigureAwait(false);
            _progress.Update(summary);
        }
    }
}
