using BedrockTrail.Ingest.Bodies;
using BedrockTrail.Ingest.Layout;
using BedrockTrail.Ingest.Retry;
using BedrockTrail.Ingest.Sources;
using BedrockTrail.Normalise;
using BedrockTrail.Normalise.CloudTrail;
using BedrockTrail.Normalise.InvocationLogs;

namespace BedrockTrail.Cli.Pipeline;

/// <summary>
/// One worker's unit of work: fetch an object (retried as a whole), decompress it, decode it. Never throws for bad
/// input or a failed fetch: those become an <see cref="ObjectResult"/> problem the run quarantines and reports.
/// </summary>
internal sealed class ObjectProcessor
{
    private readonly CloudTrailLogDecoder _cloudTrail;
    private readonly InvocationLogDecoder _invocationLogs = new();
    private readonly ObjectRetryPolicy _retry;

    public ObjectProcessor(ObjectRetryPolicy retry, CloudTrailDecoderOptions? decoderOptions = null)
    {
        _retry = retry;
        _cloudTrail = new CloudTrailLogDecoder(decoderOptions);
    }

    public async Task<ObjectResult> ProcessAsync(ILogSource source, SourceObject obj, CancellationToken cancellationToken)
    {
        DecompressedBody body;
        try
        {
            body = await SourceObjectReader.ReadAsync(source, obj, _retry, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var transient = TransientFaults.IsTransient(e, cancellationToken) || e is LogSourceException;
            return ObjectResult.Failed(obj, $"could not read after {_retry.Options.MaxAttempts} attempts: {e.GetType().Name}: {e.Message}", transient);
        }

        using (body)
        {
            return Decode(obj, body);
        }
    }

    private ObjectResult Decode(SourceObject obj, DecompressedBody body)
    {
        switch (body.Status)
        {
            case BodyStatus.Empty:
                return ObjectResult.Failed(obj, "empty object", transient: false);
            case BodyStatus.NotRecognised:
                return ObjectResult.Failed(obj, "neither gzip nor JSON: " + (body.Detail ?? "unrecognised bytes"), transient: false);
        }

        var rows = new ObjectRows();
        var outcome = obj.Layout.Kind == LogObjectKind.InvocationLog
            ? _invocationLogs.Decode(body.Content, obj.Uri, rows)
            : _cloudTrail.Decode(body.Content, obj.Uri, rows);
        var problem = BodyProblem(body) ?? VerdictProblem(outcome);
        return new ObjectResult(obj, rows, outcome.RecordsScanned, outcome.RecordFailures, problem, Transient: false, body.Content.Length);
    }

    /// <summary>A damaged gzip stream: what decompressed before the damage was still decoded (bad input never loses good data).</summary>
    private static string? BodyProblem(DecompressedBody body) => body.Status switch
    {
        BodyStatus.Truncated => "truncated gzip: " + (body.Detail ?? "the stream ends early") + "; complete records before the cut were kept",
        BodyStatus.Corrupt => "corrupt gzip: " + (body.Detail ?? "invalid data") + "; complete records before the damage were kept",
        _ => null,
    };

    private static string? VerdictProblem(DecodeOutcome outcome) => outcome.Verdict switch
    {
        ObjectVerdict.Ok => null,
        ObjectVerdict.NotCloudTrail => "not a CloudTrail log file: " + outcome.ObjectFailure,
        ObjectVerdict.Empty => "empty object",
        _ => outcome.ObjectFailure ?? outcome.Verdict.ToString(),
    };
}
