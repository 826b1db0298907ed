using System.Net;
using System.Text;

namespace BedrockTrail.Query.Output;

/// <summary>A single self-contained HTML page with the result as a table, notes and inline PNG charts (no scripts or outside resources).</summary>
internal static class HtmlRenderer
{
    public static string Render(QueryResult result, string title, ReportPage? page = null)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<title>").Append(WebUtility.HtmlEncode(title)).AppendLine("</title>");
        html.AppendLine("<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f4f4f4}td.n{text-align:right}figure{margin:1em 0}img{max-width:100%}p.note{color:#555}</style>");
        html.AppendLine("</head><body>");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(title)).AppendLine("</h1>");
        foreach (var note in page?.Notes ?? [])
        {
            html.Append("<p class=\"note\">").Append(WebUtility.HtmlEncode(note)).AppendLine("</p>");
        }

        foreach (var chart in page?.Charts ?? [])
        {
            html.Append("<figure><img alt=\"").Append(WebUtility.HtmlEncode(chart.Title)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(chart.Png)).Append("\"><figcaption>").Append(WebUtility.HtmlEncode(chart.Title)).AppendLine("</figcaption></figure>");
        }

        html.AppendLine("<table><thead><tr>");
        foreach (var column in result.Columns)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(column)).Append("</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in result.Rows)
        {
            html.Append("<tr>");
            foreach (var value in row)
            {
                html.Append(CellText.IsNumeric(value) ? "<td class=\"n\">" : "<td>").Append(WebUtility.HtmlEncode(CellText.Of(value))).Append("</td>");
            }

            html.AppendLine("</tr>");
        }

        html.Append("</tbody></table><p>").Append(result.Rows.Count).AppendLine(" rows</p></body></html>");
        return html.ToString();
    }
}
