using System.Text;

namespace BedrockTrail.Query.Output;

/// <summary>RFC 4180 CSV with a header row; every value complete (nothing cut), lists joined with " > ".</summary>
internal static class CsvRenderer
{
    public static string Render(QueryResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", result.Columns.Select(Escape)));
        foreach (var row in result.Rows)
        {
            text.AppendLine(string.Join(",", row.Select(v => Escape(CellText.Of(v)))));
        }

        return text.ToString();
    }

    private static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
