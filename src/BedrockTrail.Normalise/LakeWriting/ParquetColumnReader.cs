using Parquet;

namespace BedrockTrail.Normalise.LakeWriting;

/// <summary>Reads single columns back from lake files: event ids for de-duplication, the ingested-object ledger.</summary>
internal static class ParquetColumnReader
{
    public static async Task<IReadOnlyList<string?>> ReadStringsAsync(string path, string column, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, null, false, cancellationToken).ConfigureAwait(false);
        var field = reader.Schema.FindDataField(column);
        var result = new List<string?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var values = new string?[group.RowCount];
            await group.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            result.AddRange(values);
        }

        return result;
    }

    public static async Task<IReadOnlyList<long?>> ReadInt64sAsync(string path, string column, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, null, false, cancellationToken).ConfigureAwait(false);
        var field = reader.Schema.FindDataField(column);
        var result = new List<long?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var values = new long?[group.RowCount];
            await group.ReadAsync<long>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            result.AddRange(values);
        }

        return result;
    }

}
