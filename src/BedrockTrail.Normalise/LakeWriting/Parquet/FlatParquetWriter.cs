using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using BedrockTrail.Lake.Schema;
using ZstdSharp;

namespace BedrockTrail.Normalise.LakeWriting.Parquet;

/// <summary>
/// Writes a table whose columns are all scalar straight from the row objects to a Parquet file: PLAIN values, RLE
/// definition levels, one zstd-compressed v1 data page per megabyte of values, no dictionary, no min/max statistics.
/// Parquet.Net spent about 9 us a row on the same tables (a zstd output array per column chunk, strings through
/// ReadOnlyMemory arrays, statistics, dictionary trials); this encodes each column in one pass into buffers reused
/// page after page, with one zstd context per file. On 30,000 bench-corpus calls: 2.2 us a row and no managed
/// allocation, against Parquet.Net's 7.2 us and 2 kB a row; what is left is mostly zstd itself.
/// Format: https://github.com/apache/parquet-format/blob/master/README.md and parquet.thrift.
/// </summary>
internal sealed partial class FlatParquetWriter : IDisposable
{
    /// <summary>A page is cut once its values pass this size, so buffers stay near a megabyte whatever the column holds.</summary>
    public const int PageValueBytes = 1 << 20;

    /// <summary>Zstd level 1: what Parquet.Net's <see cref="System.IO.Compression.CompressionLevel.Fastest"/> gave the lake before.</summary>
    public const int ZstdLevel = 1;

    private const int OutputFlushBytes = 1 << 20;

    /// <summary>
    /// Writers between files, with their grown buffers and zstd context. Ingest writes a part file every few hundred
    /// milliseconds; renting a new writer's buffers for each (growing to a few MB) allocated arrays the shared pool no
    /// longer held, and those allocations set off collections: 5 % of ingest's CPU. One writer is made per file
    /// written at the same moment (a session writes one file per table at a time), so only a handful ever exist.
    /// </summary>
    private static readonly ConcurrentBag<FlatParquetWriter> Idle = [];

    private Stream _destination = Stream.Null;
    private readonly Compressor _compressor = new(ZstdLevel);
    private readonly GrowableByteBuffer _values = new(64 * 1024);
    private readonly GrowableByteBuffer _body = new(64 * 1024);
    private readonly GrowableByteBuffer _compressed = new(64 * 1024);
    private readonly GrowableByteBuffer _output = new(OutputFlushBytes + (64 * 1024));
    private readonly DefinitionLevels _levels = new();
    private readonly ThriftCompactWriter _pageHeaders;
    private long _flushed;
    private ColumnChunkInfo _chunk;

    private FlatParquetWriter()
    {
        _pageHeaders = new ThriftCompactWriter(_output);
    }

    /// <summary>Offset in the file of the next byte written.</summary>
    private long Position => _flushed + _output.Length;

    /// <summary>True when every column is a scalar this writer encodes (no lists).</summary>
    public static bool CanWrite<TRow>(LakeTable<TRow> table)
    {
        for (var c = 0; c < table.Columns.Count; c++)
        {
            if (table.Columns[c].Type == LakeType.TextList)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes the whole file synchronously: the caller already runs it off the ingest thread.</summary>
    public static void Write<TRow>(
        LakeTable<TRow> table,
        IReadOnlyList<TRow> rows,
        Stream destination,
        int rowGroupSize,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowGroupSize);
        if (!CanWrite(table))
        {
            throw new ArgumentException($"Table {table.Name} has list columns; the flat writer writes scalar columns only", nameof(table));
        }

        ReadOnlySpan<TRow> span = rows switch
        {
            TRow[] array => array,
            List<TRow> list => CollectionsMarshal.AsSpan(list),
            _ => rows.ToArray(),
        };
        var writer = Idle.TryTake(out var idle) ? idle : new FlatParquetWriter();
        try
        {
            writer._destination = destination;
            writer.WriteFile(table.Columns, span, rowGroupSize, cancellationToken);
        }
        finally
        {
            writer.Reset();
            Idle.Add(writer);
        }
    }

    /// <summary>
    /// Lets go of the writers kept between files, with their buffers (a few MB each): an ingest session calls it when
    /// it ends, so that resolution after it does not carry them.
    /// </summary>
    public static void ReleaseIdle()
    {
        while (Idle.TryTake(out var writer))
        {
            writer.Dispose();
        }
    }

    public void Dispose() => _compressor.Dispose();

    /// <summary>Forgets the file written (or abandoned half way); the buffers keep their size for the next one.</summary>
    private void Reset()
    {
        _destination = Stream.Null;
        _flushed = 0;
        _chunk = default;
        _values.Clear();
        _body.Clear();
        _compressed.Clear();
        _output.Clear();
        _levels.Reset();
    }

    private void WriteFile<TRow>(IReadOnlyList<LakeColumn<TRow>> columns, ReadOnlySpan<TRow> rows, int rowGroupSize, CancellationToken cancellationToken)
    {
        _output.Write("PAR1"u8);
        var groups = new List<int>((rows.Length / rowGroupSize) + 1);
        var chunks = new List<ColumnChunkInfo>(columns.Count * groups.Capacity);
        for (var start = 0; start < rows.Length; start += rowGroupSize)
        {
            var group = rows.Slice(start, Math.Min(rowGroupSize, rows.Length - start));
            for (var c = 0; c < columns.Count; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                chunks.Add(WriteColumnChunk(columns[c], group));
            }

            groups.Add(group.Length);
        }

        var footerStart = _output.Length;
        FlatParquetFooter.Write(_output, columns, groups, chunks);
        _output.WriteInt32LittleEndian(_output.Length - footerStart);
        _output.Write("PAR1"u8);
        Flush();
    }

    private ColumnChunkInfo WriteColumnChunk<TRow>(LakeColumn<TRow> column, ReadOnlySpan<TRow> rows)
    {
        _chunk = new ColumnChunkInfo(Position, 0, 0, 0, 0);
        switch (column)
        {
            case StringColumn<TRow> text:
                WriteTexts(text.Get, rows);
                break;
            case TimestampColumn<TRow> time:
                WriteFixed(time.Get, rows, Int96Timestamp.Size, static (span, value) => Int96Timestamp.Write(value, span));
                break;
            case BooleanColumn<TRow> flag:
                WriteFlags(flag.Get, rows);
                break;
            case Int32Column<TRow> number:
                WriteFixed(number.Get, rows, sizeof(int), BinaryPrimitives.WriteInt32LittleEndian);
                break;
            case Int64Column<TRow> number:
                WriteFixed(number.Get, rows, sizeof(long), BinaryPrimitives.WriteInt64LittleEndian);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(column), column.Name, "Not a flat scalar column");
        }

        return _chunk;
    }

    /// <summary>Compresses the gathered levels and values as one data page and appends it to the output.</summary>
    private void FlushPage()
    {
        if (_levels.Count == 0)
        {
            return;
        }

        _body.Clear();
        _levels.WriteTo(_body);
        _body.Write(_values.Written);
        _compressed.Clear();
        _compressed.Advance(_compressor.Wrap(_body.Written, _compressed.GetSpan(Compressor.GetCompressBound(_body.Length))));

        var headerStart = _output.Length;
        _pageHeaders.BeginStruct();
        _pageHeaders.FieldI32(1, 0); // DATA_PAGE
        _pageHeaders.FieldI32(2, _body.Length);
        _pageHeaders.FieldI32(3, _compressed.Length);
        _pageHeaders.BeginStructField(5);
        _pageHeaders.FieldI32(1, _levels.Count);
        _pageHeaders.FieldI32(2, 0); // PLAIN values
        _pageHeaders.FieldI32(3, 3); // RLE definition levels
        _pageHeaders.FieldI32(4, 3); // RLE repetition levels (none written: the columns are flat)
        _pageHeaders.EndStruct();
        _pageHeaders.EndStruct();
        var headerLength = _output.Length - headerStart;
        _output.Write(_compressed.Written);

        _chunk = _chunk with
        {
            UncompressedBytes = _chunk.UncompressedBytes + headerLength + _body.Length,
            CompressedBytes = _chunk.CompressedBytes + headerLength + _compressed.Length,
            Values = _chunk.Values + _levels.Count,
            Nulls = _chunk.Nulls + _levels.Nulls,
        };
        _values.Clear();
        _levels.Reset();
        if (_output.Length >= OutputFlushBytes)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _destination.Write(_output.Written);
        _flushed += _output.Length;
        _output.Clear();
    }
}
