using BedrockTrail.Lake;

namespace BedrockTrail.Normalise.LakeWriting;

/// <summary>
/// What the lake has already read: source object -> (ETag, size). An object whose ETag and size match is not read
/// again; one that changed in place (same key, new content) is.
/// </summary>
internal sealed class IngestedLedger
{
    private readonly Dictionary<string, (string? ETag, long Size)> _objects = new(StringComparer.Ordinal);

    public int Count => _objects.Count;

    public bool Contains(string sourceObject, string? etag, long size) =>
        _objects.TryGetValue(sourceObject, out var known)
        && known.Size == size
        && (etag is null || known.ETag is null || string.Equals(Unquote(known.ETag), Unquote(etag), StringComparison.Ordinal));

    public void Add(string sourceObject, string? etag, long size) => _objects[sourceObject] = (etag, size);

    public static async Task<IngestedLedger> LoadAsync(LakeLayout lake, CancellationToken cancellationToken)
    {
        var ledger = new IngestedLedger();
        foreach (var file in LakeFiles.DataFiles(lake.IngestedFolder))
        {
            var objects = await ParquetColumnReader.ReadStringsAsync(file, "source_object", cancellationToken).ConfigureAwait(false);
            var etags = await ParquetColumnReader.ReadStringsAsync(file, "etag", cancellationToken).ConfigureAwait(false);
            var sizes = await ParquetColumnReader.ReadInt64sAsync(file, "size", cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < objects.Count; i++)
            {
                if (objects[i] is { } name)
                {
                    ledger.Add(name, etags[i], sizes[i] ?? -1);
                }
            }
        }

        return ledger;
    }

    private static string Unquote(string etag) => etag.Trim('"');
}
