using BedrockTrail.Lake;
using BedrockTrail.Lake.Schema;

namespace BedrockTrail.Normalise.LakeWriting;

/// <summary>
/// Buffers one run's rows of one time-partitioned table by <c>date=</c> partition, drops rows the lake already holds
/// (CloudTrail delivers some events twice, with the same eventID), and writes bounded part files as buffers fill.
/// A partition is written when it reaches the rows-per-file size; the session bounds the rows of all its tables
/// together (<see cref="LakeIngestSession.MaxBufferedRows"/>) through <see cref="FlushLargestAsync"/>.
/// </summary>
internal sealed class PartitionedTableWriter<TRow> : IBufferedTable
{

    private readonly LakeLayout _lake;
    private readonly LakeTable<TRow> _table;
    private readonly string _runId;
    private readonly int _rowsPerFile;
    private readonly Dictionary<DateOnly, List<TRow>> _buffers = [];
    private readonly Dictionary<DateOnly, DedupeKeySet> _seen = [];
    private int _buffered;
    private int _sequence;
    private Task _writing = Task.CompletedTask;

    public PartitionedTableWriter(LakeLayout lake, LakeTable<TRow> table, string runId, int rowsPerFile = ParquetTableFile.DefaultRowGroupSize)
    {
        if (table.PartitionTime is null)
        {
            throw new ArgumentException($"Table {table.Name} is not time-partitioned.", nameof(table));
        }

        _lake = lake;
        _table = table;
        _runId = runId;
        _rowsPerFile = rowsPerFile;
    }

    public long RowsWritten { get; private set; }

    public long DuplicatesDropped { get; private set; }

    public IList<string> FilesWritten { get; } = [];

    public int BufferedRows => _buffered;

    public int LargestPartitionRows => _buffers.Count == 0 ? 0 : _buffers.Values.Max(b => b.Count);

    /// <summary>Adds a row unless its key is already in the lake or in this run; returns whether it was added.</summary>
    public async ValueTask<bool> AddAsync(TRow row, CancellationToken cancellationToken)
    {
        var date = DateOnly.FromDateTime(_table.PartitionTime!(row));
        if (_table.DedupeKey is { } keyOf)
        {
            var seen = await SeenAsync(date, cancellationToken).ConfigureAwait(false);
            if (!seen.Add(keyOf(row)))
            {
                DuplicatesDropped++;
                return false;
            }
        }

        if (!_buffers.TryGetValue(date, out var buffer))
        {
            buffer = [];
            _buffers[date] = buffer;
        }

        buffer.Add(row);
        _buffered++;
        if (buffer.Count >= _rowsPerFile)
        {
            await FlushAsync(date, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public async Task FlushLargestAsync(CancellationToken cancellationToken)
    {
        if (_buffers.Count > 0)
        {
            await FlushAsync(_buffers.MaxBy(b => b.Value.Count).Key, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes every buffered partition (at commit).</summary>
    public async Task FlushAllAsync(CancellationToken cancellationToken)
    {
        // One part file at a time, as during the run: the session flushes its tables side by side, which already
        // keeps both cores busy, and each file written at the same moment needs its own writer and buffers (a few MB).
        foreach (var date in _buffers.Keys.Order().ToList())
        {
            await FlushAsync(date, cancellationToken).ConfigureAwait(false);
        }

        await DrainAsync().ConfigureAwait(false);
    }

    private async Task FlushAsync(DateOnly date, CancellationToken cancellationToken)
    {
        // The part file is sorted and written on another thread while rows keep arriving: encoding and compressing a
        // partition takes tens of milliseconds, during which the decoders would otherwise wait on a full channel.
        // Waiting for the previous write first keeps at most one partition per table in flight.
        await _writing.ConfigureAwait(false);
        _writing = StartWrite(date, cancellationToken) ?? Task.CompletedTask;
    }

    private Task? StartWrite(DateOnly date, CancellationToken cancellationToken)
    {
        if (!_buffers.Remove(date, out var rows) || rows.Count == 0)
        {
            return null;
        }

        var path = Path.Combine(_lake.PartitionFolder(_table.Name, date), LakeLayout.PartFileName(_runId, _sequence++));
        FilesWritten.Add(path);
        RowsWritten += rows.Count;
        _buffered -= rows.Count;
        return Task.Run(() => WritePartAsync(path, rows, cancellationToken), cancellationToken);
    }

    private Task WritePartAsync(string path, List<TRow> rows, CancellationToken cancellationToken)
    {
        // Sorted by time inside a file so that readers' min/max statistics can skip row groups.
        rows.Sort((a, b) => _table.PartitionTime!(a).CompareTo(_table.PartitionTime!(b)));
        return LakeFiles.WriteAtomicallyAsync(path, _table, rows, cancellationToken);
    }

    /// <summary>Waits for the part file being written, if any; its failure surfaces here.</summary>
    public Task DrainAsync() => _writing;

    /// <summary>Keys already in a partition, read once per partition this run touches (not the whole lake).</summary>
    private async ValueTask<DedupeKeySet> SeenAsync(DateOnly date, CancellationToken cancellationToken)
    {
        if (_seen.TryGetValue(date, out var seen))
        {
            return seen;
        }

        seen = new DedupeKeySet();
        foreach (var file in LakeFiles.DataFiles(_lake.PartitionFolder(_table.Name, date)))
        {
            foreach (var key in await ParquetColumnReader.ReadStringsAsync(file, _table.DedupeColumn!, cancellationToken).ConfigureAwait(false))
            {
                if (key is not null)
                {
                    seen.Add(key);
                }
            }
        }

        _seen[date] = seen;
        return seen;
    }
}
