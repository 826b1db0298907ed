using System.Data.Common;

namespace BedrockTrail.Query.Rows;

/// <summary>
/// Reads typed values by column name from a DuckDB reader, resolving each name to its ordinal once. Text values are
/// shared between rows (<see cref="RepeatedStrings"/>): readers of whole tables keep their rows.
/// </summary>
internal sealed class ColumnReader
{
    private readonly DbDataReader _reader;
    private readonly Dictionary<string, int> _ordinals;
    private readonly RepeatedStrings _strings = new();

    public ColumnReader(DbDataReader reader)
    {
        _reader = reader;
        _ordinals = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.Ordinal);
    }

    /// <summary>The column's ordinal, or -1 when the result has no such column (read as null).</summary>
    public int OrdinalOf(string column) => _ordinals.TryGetValue(column, out var i) ? i : -1;

    /// <summary>Text by ordinal, for hot loops that resolved their columns once with <see cref="OrdinalOf"/>.</summary>
    public string? Text(int ordinal) => ordinal >= 0 && !_reader.IsDBNull(ordinal) ? _strings.Share(_reader.GetString(ordinal)) : null;

    public DateTime? Time(int ordinal) =>
        ordinal >= 0 && !_reader.IsDBNull(ordinal) ? DateTime.SpecifyKind(_reader.GetDateTime(ordinal), DateTimeKind.Utc) : null;

    public string? Text(string column) => Ordinal(column) is { } i ? Text(i) : null;

    public string RequiredText(string column) => Text(column) ?? string.Empty;

    public DateTime? Time(string column) =>
        Ordinal(column) is { } i && !_reader.IsDBNull(i) ? DateTime.SpecifyKind(_reader.GetDateTime(i), DateTimeKind.Utc) : null;

    public bool? Flag(string column) => Ordinal(column) is { } i && !_reader.IsDBNull(i) ? _reader.GetBoolean(i) : null;

    public long? Number(string column) => Ordinal(column) is { } i && !_reader.IsDBNull(i) ? Convert.ToInt64(_reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) : null;

    private int? Ordinal(string column) => _ordinals.TryGetValue(column, out var i) ? i : null;
}
