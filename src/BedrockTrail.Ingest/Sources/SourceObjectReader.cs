using BedrockTrail.Ingest.Bodies;
using BedrockTrail.Ingest.Layout;
using BedrockTrail.Ingest.Retry;

namespace BedrockTrail.Ingest.Sources;

/// <summary>Reads one object whole: open, read, decompress, as one retried unit of work.</summary>
public static class SourceObjectReader
{
    /// <summary>
    /// Returns the decompressed body. A body that arrives shorter than the listed size is read again (the object is
    /// whole in the store); when every attempt came up short, the longest partial body is returned with status
    /// Truncated rather than nothing. A body whose object is itself truncated or corrupt is not retried.
    /// Non-transient faults (<see cref="LogSourceException"/>, access denied, ...) propagate.
    /// </summary>
    public static async Task<DecompressedBody> ReadAsync(ILogSource source, SourceObject obj, ObjectRetryPolicy retry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(retry);
        DecompressedBody? longestPartial = null;
        try
        {
            return await retry.ExecuteAsync(
                async ct =>
                {
                    var stream = await source.OpenReadAsync(obj, ct).ConfigureAwait(false);
                    DecompressedBody body;
                    await using (stream.ConfigureAwait(false))
                    {
                        body = await ObjectBodies.ReadDecompressedAsync(stream, obj.Size, ct).ConfigureAwait(false);
                    }

                    if (body.Status != BodyStatus.Truncated || body.RawLength >= obj.Size)
                    {
                        return body;
                    }

                    var received = body.RawLength;
                    if (longestPartial is null || body.Content.Length > longestPartial.Content.Length)
                    {
                        (longestPartial, body) = (body, longestPartial!);
                    }

                    body?.Dispose();
                    throw new TruncatedBodyException(received, obj.Size);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TruncatedBodyException) when (longestPartial is not null)
        {
            var partial = longestPartial;
            longestPartial = null;
            return partial;
        }
        finally
        {
            longestPartial?.Dispose();
        }
    }

    /// <summary>Lists a source and keeps only the log objects (CloudTrail and invocation logs), counting the rest.</summary>
    public static async IAsyncEnumerable<SourceObject> LogObjectsOnly(
        IAsyncEnumerable<SourceObject> listing,
        Action<SourceObject>? onSkipped)
    {
        ArgumentNullException.ThrowIfNull(listing);
        await foreach (var obj in listing.ConfigureAwait(false))
        {
            if (obj.Layout.Kind == LogObjectKind.Skipped)
            {
                onSkipped?.Invoke(obj);
                continue;
            }

            yield return obj;
        }
    }
}
