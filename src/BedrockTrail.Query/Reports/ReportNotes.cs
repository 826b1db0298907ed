using System.Globalization;

namespace BedrockTrail.Query.Reports;

/// <summary>
/// Sentences that qualify a report's numbers, read off its own columns: how many calls have unknown tokens (no model
/// invocation log record) and how many have tokens but no price. A total that silently treats unknown as zero is wrong.
/// </summary>
internal static class ReportNotes
{
    public static IReadOnlyList<string> For(QueryResult result)
    {
        var notes = new List<string>();
        var calls = Sum(result, "calls");
        var withoutTokens = Sum(result, "calls_without_tokens");
        var unpriced = Sum(result, "unpriced_calls");
        if (withoutTokens is > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{withoutTokens} of {calls} calls have no model invocation log record: their tokens and cost are unknown and not counted."));
        }

        if (unpriced is > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{unpriced} calls have tokens but their model has no price (add it with --pricing FILE): their cost is not counted."));
        }

        return notes;
    }

    private static long? Sum(QueryResult result, string column)
    {
        var index = -1;
        for (var i = 0; i < result.Columns.Count; i++)
        {
            if (string.Equals(result.Columns[i], column, StringComparison.OrdinalIgnoreCase))
            {
                index = i;
            }
        }

        return index < 0 ? null : result.Rows.Sum(r => r[index] is null ? 0L : Convert.ToInt64(r[index], CultureInfo.InvariantCulture));
    }
}
