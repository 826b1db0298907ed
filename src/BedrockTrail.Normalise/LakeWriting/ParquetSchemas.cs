using BedrockTrail.Lake.Schema;
using Parquet.Schema;

namespace BedrockTrail.Normalise.LakeWriting;

/// <summary>Maps the lake's column types onto Parquet fields: nullable scalars, UTC timestamps and lists of strings.</summary>
internal static class ParquetSchemas
{
    public static ParquetSchema For<TRow>(LakeTable<TRow> table) => new(table.Columns.Select(FieldFor).ToArray());

    public static Field FieldFor<TRow>(LakeColumn<TRow> column) => column.Type switch
    {
        LakeType.Text => new DataField<string>(column.Name),
        LakeType.Timestamp => new DataField<DateTime?>(column.Name),
        LakeType.Flag => new DataField<bool?>(column.Name),
        LakeType.Number32 => new DataField<int?>(column.Name),
        LakeType.Number64 => new DataField<long?>(column.Name),
        LakeType.TextList => new ListField(column.Name, new DataField<string>("element")),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Unknown lake column type"),
    };

    /// <summary>The leaf data field a column's values are written to (the item field for lists).</summary>
    public static DataField LeafOf(Field field) => field switch
    {
        DataField data => data,
        ListField list => (DataField)list.Item,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Name, "Unsupported Parquet field"),
    };
}
