namespace BedrockTrail.Query.Output;

/// <summary>Renders a result in the format asked for. Rendering is pure: writing it somewhere is the caller's job.</summary>
public static class ResultRenderer
{
    public static string Render(QueryResult result, ResultFormat format, string? title = null) => format switch
    {
        ResultFormat.Table => TableRenderer.Render(result),
        ResultFormat.Csv => CsvRenderer.Render(result),
        ResultFormat.Json => JsonRenderer.Render(result),
        ResultFormat.Md => MarkdownRenderer.Render(result),
        ResultFormat.Html => HtmlRenderer.Render(result, title ?? "BedrockTrail"),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format"),
    };
}
