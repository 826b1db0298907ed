namespace BedrockTrail.Query.Output;

/// <summary>Renders a result in the format asked for. Rendering is pure: writing it somewhere is the caller's job.</summary>
public static class ResultRenderer
{
    /// <summary>
    /// csv and json stay pure data for scripts; table and md end with the page's notes; html also carries its charts.
    /// </summary>
    public static string Render(QueryResult result, ResultFormat format, string? title = null, ReportPage? page = null)
    {
        page ??= ReportPage.Empty;
        return format switch
        {
            ResultFormat.Table => TableRenderer.Render(result) + NoteLines(page, "note: "),
            ResultFormat.Csv => CsvRenderer.Render(result),
            ResultFormat.Json => JsonRenderer.Render(result),
            ResultFormat.Md => MarkdownRenderer.Render(result) + (page.Notes.Count > 0 ? Environment.NewLine + NoteLines(page, "> ") : string.Empty),
            ResultFormat.Html => HtmlRenderer.Render(result, title ?? "BedrockTrail", page),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format"),
        };
    }

    private static string NoteLines(ReportPage page, string prefix) =>
        string.Concat(page.Notes.Select(n => prefix + n + Environment.NewLine));
}
