using System.Collections;
using System.Globalization;

namespace BedrockTrail.Query.Output;

/// <summary>One way to turn a DuckDB value into text, shared by every format so they agree with each other.</summary>
internal static class CellText
{
    public const string ListSeparator = " > ";

    public static string Of(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        float f => f.ToString("0.######", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.######", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => string.Join(ListSeparator, list.Cast<object?>().Where(v => v is not null).Select(Of)),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A column is aligned right when it holds numbers; a column of only nulls (e.g. no error) is text.</summary>
    public static bool IsNumericColumn(QueryResult result, int column) =>
        result.Rows.Any(r => r[column] is not null) && result.Rows.All(r => r[column] is null || IsNumeric(r[column]));

    public static bool IsNumeric(object? value) =>
        value is byte or short or int or long or float or double or decimal or sbyte or ushort or uint or ulong or System.Numerics.BigInteger or Int128 or UInt128;
}
