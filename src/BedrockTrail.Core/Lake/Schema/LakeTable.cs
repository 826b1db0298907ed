namespace BedrockTrail.Lake.Schema;

/// <summary>Describes a lake table: its folder name, columns, and how rows are partitioned and de-duplicated.</summary>
public sealed class LakeTable<TRow>
{
    public LakeTable(
        string name,
        IReadOnlyList<LakeColumn<TRow>> columns,
        Func<TRow, DateTime>? partitionTime,
        Func<TRow, string>? dedupeKey,
        string? dedupeColumn)
    {
        Name = name;
        Columns = columns;
        PartitionTime = partitionTime;
        DedupeKey = dedupeKey;
        DedupeColumn = dedupeColumn;
    }

    /// <summary>Folder name under the lake root, and the view name queries see.</summary>
    public string Name { get; }

    public IReadOnlyList<LakeColumn<TRow>> Columns { get; }

    /// <summary>The UTC time whose date names the row's <c>date=YYYY-MM-DD</c> partition; null for unpartitioned tables.</summary>
    public Func<TRow, DateTime>? PartitionTime { get; }

    /// <summary>A row's identity for "delivered twice appears once" (CloudTrail's eventID); null when rows are never repeated.</summary>
    public Func<TRow, string>? DedupeKey { get; }

    /// <summary>The column holding <see cref="DedupeKey"/>, read back from existing files to de-duplicate across runs.</summary>
    public string? DedupeColumn { get; }

    public bool IsPartitioned => PartitionTime is not null;

    public IEnumerable<(string Name, LakeType Type)> ColumnTypes => Columns.Select(c => (c.Name, c.Type));
}
