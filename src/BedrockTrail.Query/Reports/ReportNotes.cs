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
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{withoutTokens} of {calls} calls {(withoutTokens == 1 ? "has" : "have")} no model invocation log record: tokens and cost unknown, not counted."));
        }

        if (unpriced is > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{unpriced} {(unpriced == 1 ? "call has" : "calls have")} tokens but no price for the model (add one with --pricing FILE): cost not counted."));
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
