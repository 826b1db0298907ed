using BedrockTrail.Lake.Schema;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace BedrockTrail.Normalise.Tests.LakeWriting.Parquet;

/// <summary>A Parquet file read back with Parquet.Net's reader, as <c>ParquetColumnReader</c> reads the lake.</summary>
internal sealed record ParquetNetReadBack(IReadOnlyList<IReadOnlyList<object?>> Columns, int RowGroups, FileMetaData Metadata)
{
    public static async Task<ParquetNetReadBack> ReadAsync<TRow>(LakeTable<TRow> table, byte[] file)
    {
        using var stream = new MemoryStream(file);
        await using var reader = await ParquetReader.CreateAsync(stream, null, false, CancellationToken.None);
        var columns = new List<IReadOnlyList<object?>>();
        foreach (var column in table.Columns)
        {
            var field = reader.Schema.FindDataField(column.Name);
            var values = new List<object?>();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = (int)group.RowCount;
                switch (column.Type)
                {
                    case LakeType.Text:
                        var texts = new string?[count];
                        await group.ReadAsync(field, texts.AsMemory(), null, CancellationToken.None);
                        values.AddRange(texts);
                        break;
                    case LakeType.Timestamp:
                        values.AddRange(await ReadAsync<DateTime>(group, field, count));
                        break;
                    case LakeType.Flag:
                        values.AddRange(await ReadAsync<bool>(group, field, count));
                        break;
                    case LakeType.Number32:
                        values.AddRange(await ReadAsync<int>(group, field, count));
                        break;
                    case LakeType.Number64:
                        values.AddRange(await ReadAsync<long>(group, field, count));
                        break;
                    default:
                        throw new NotSupportedException(column.Name);
                }
            }

            columns.Add(values);
        }

        return new ParquetNetReadBack(columns, reader.RowGroupCount, reader.Metadata!);
    }

    /// <summary>What each column's getter gives for each row, boxed as the reader's values are.</summary>
    public static IReadOnlyList<IReadOnlyList<object?>> Expected<TRow>(LakeTable<TRow> table, IReadOnlyList<TRow> rows) =>
        table.Columns.Select(column => (IReadOnlyList<object?>)rows.Select(row => column switch
        {
            StringColumn<TRow> s => s.Get(row),
            TimestampColumn<TRow> t => t.Get(row),
            BooleanColumn<TRow> b => b.Get(row),
            Int32Column<TRow> i => i.Get(row),
            Int64Column<TRow> l => (object?)l.Get(row),
            _ => throw new NotSupportedException(column.Name),
        }).ToList()).ToList();

    private static async Task<IEnumerable<object?>> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int count)
        where T : struct
    {
        var values = new T?[count];
        await group.ReadAsync<T>(field, values.AsMemory(), null, CancellationToken.None);
        return values.Select(v => (object?)v);
    }
}
