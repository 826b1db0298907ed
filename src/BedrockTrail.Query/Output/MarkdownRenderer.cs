using System.Text;

namespace BedrockTrail.Query.Output;

/// <summary>A GitHub-flavoured Markdown table, for pasting into a ticket.</summary>
internal static class MarkdownRenderer
{
    public static string Render(QueryResult result)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", result.Columns.Select(Escape)).AppendLine(" |");
        text.Append('|').AppendJoin("|", result.Columns.Select((_, i) => IsNumericColumn(result, i) ? "---:" : "---")).AppendLine("|");
        foreach (var row in result.Rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(v => Escape(CellText.Of(v)))).AppendLine(" |");
        }

        return text.ToString();
    }

    private static bool IsNumericColumn(QueryResult result, int column) => CellText.IsNumericColumn(result, column);

    private static string Escape(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
