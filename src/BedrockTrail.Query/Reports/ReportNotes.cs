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

    /// <summary>
    /// Agents, knowledge bases, flows, async invoke and mantle inference are CloudTrail data events, recorded only when
    /// the trail has advanced event selectors for them
    /// (https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html). A lake with Bedrock calls
    /// but not one data event most likely comes from a trail without them: their use is unknown, not zero.
    /// </summary>
    public static IReadOnlyList<string> DataEventCoverage(LakeDatabase database)
    {
        var counts = database.Query("SELECT count(*) AS calls, count(*) FILTER (WHERE event_category = 'Data') AS data_events FROM bedrock_calls").Rows[0];
        var calls = Convert.ToInt64(counts[0], CultureInfo.InvariantCulture);
        var dataEvents = Convert.ToInt64(counts[1], CultureInfo.InvariantCulture);
        return calls > 0 && dataEvents == 0
            ? ["the lake holds no Bedrock data events (agents, knowledge bases, flows, async invoke, mantle inference): the trail records them only with advanced event selectors, so their use is unknown here, not zero."]
            : [];
    }

    /// <summary>How calls got their tokens, said whenever any joined by the weaker session + model + time match.</summary>
    public static IReadOnlyList<string> TokenJoins(LakeDatabase database)
    {
        var counts = database.Query("SELECT count(*) FILTER (WHERE token_join = 'request-id'), count(*) FILTER (WHERE token_join = 'identity-model-time') FROM invocations").Rows[0];
        var byRequest = Convert.ToInt64(counts[0], CultureInfo.InvariantCulture);
        var byTime = Convert.ToInt64(counts[1], CultureInfo.InvariantCulture);
        return byTime > 0
            ? [string.Create(CultureInfo.InvariantCulture, $"tokens joined to calls: {byRequest} by request id, {byTime} by session ARN + model + region + time within 5 s (their request ids differed).")]
            : [];
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
