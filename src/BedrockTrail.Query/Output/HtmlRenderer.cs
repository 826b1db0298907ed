using System.Net;
using System.Text;

namespace BedrockTrail.Query.Output;

/// <summary>A single self-contained HTML page with the result as a table (no scripts or outside resources).</summary>
internal static class HtmlRenderer
{
    public static string Render(QueryResult result, string title)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<title>").Append(WebUtility.HtmlEncode(title)).AppendLine("</title>");
        html.AppendLine("<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f4f4f4}td.n{text-align:right}</style>");
        html.AppendLine("</head><body>");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(title)).AppendLine("</h1>");
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
