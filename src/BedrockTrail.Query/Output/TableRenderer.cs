using System.Text;

namespace BedrockTrail.Query.Output;

/// <summary>An aligned plain-text table for a terminal; long cells are cut in the middle with an ellipsis so rows stay on one line.</summary>
internal static class TableRenderer
{
    // Wide enough for a whole IAM user or role ARN with a path (account ids are what responders compare).
    public const int DefaultMaxCellWidth = 60;

    public static string Render(QueryResult result, int maxCellWidth = DefaultMaxCellWidth)
    {
        var cells = result.Rows.Select(r => r.Select(v => Cut(CellText.Of(v), maxCellWidth)).ToArray()).ToList();
        var widths = result.Columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var numeric = result.Columns.Select((_, i) => CellText.IsNumericColumn(result, i)).ToArray();
        var text = new StringBuilder();
        AppendLine(text, result.Columns.ToArray(), widths, numeric);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))).TrimEnd());
        foreach (var row in cells)
        {
            AppendLine(text, row, widths, numeric);
        }

        text.Append('(').Append(result.Rows.Count).Append(result.Rows.Count == 1 ? " row" : " rows").AppendLine(")");
        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, string[] cells, int[] widths, bool[] numeric)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                line.Append("  ");
            }

            line.Append(numeric[i] ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
        }

        text.AppendLine(line.ToString().TrimEnd());
    }

    /// <summary>
    /// Cuts in the middle: what tells values apart sits at both ends (an ARN's account and its user or session name,
    /// a chain's authoritative identity and its last session), so both ends are kept and the tail gets more room.
    /// </summary>
    internal static string Cut(string text, int max)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        if (oneLine.Length <= max)
        {
            return oneLine;
        }

        var head = (max - 1) * 2 / 5;
        var tail = max - 1 - head;
        return string.Concat(oneLine.AsSpan(0, head), "…", oneLine.AsSpan(oneLine.Length - tail));
    }
}
