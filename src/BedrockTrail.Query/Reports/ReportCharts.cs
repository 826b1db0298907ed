using System.Globalization;
using BedrockTrail.Query.Output;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace BedrockTrail.Query.Reports;

/// <summary>
/// The charts a report's HTML page carries, drawn with ScottPlot into PNGs: <c>cost-by-identity</c> (a bar per
/// identity, from the report's own <c>identity</c> and <c>cost_usd</c> columns) and <c>calls-over-time</c> (calls per
/// hour or day for the busiest identities, from <c>usage</c> with the report's filters).
/// </summary>
internal static class ReportCharts
{
    public const string CostByIdentity = "cost-by-identity";
    public const string CallsOverTime = "calls-over-time";

    private const int MaxBars = 15;
    private const int MaxSeries = 8;
    private const int LabelLength = 40;

    private static string CallsSql(string bucket) => $"""
        SELECT identity, date_trunc('{bucket}', event_time) AS bucket, count(*) AS calls
        FROM usage
        WHERE ($from IS NULL OR event_time >= $from)
          AND ($to IS NULL OR event_time < $to)
          AND ($model IS NULL OR model_id = $model OR base_model_id = $model)
          AND ($identity IS NULL OR identity = $identity)
          AND ($account IS NULL OR account_id = $account)
          AND ($access_key IS NULL OR access_key_id = $access_key)
        GROUP BY ALL
        ORDER BY bucket
        """;

    public static IReadOnlyList<ChartImage> Build(LakeDatabase database, ReportDefinition report, ReportParameters parameters, QueryResult result)
    {
        var charts = new List<ChartImage>();
        foreach (var name in report.Charts)
        {
            var chart = name switch
            {
                CostByIdentity => CostChart(result),
                CallsOverTime => CallsChart(database, parameters),
                _ => null,
            };
            if (chart is not null)
            {
                charts.Add(chart);
            }
        }

        return charts;
    }

    internal static ChartImage? CostChart(QueryResult result)
    {
        if (!Has(result, "identity") || !Has(result, "cost_usd"))
        {
            return null;
        }

        var identity = result.ColumnIndex("identity");
        var cost = result.ColumnIndex("cost_usd");
        var totals = result.Rows
            .Where(r => r[cost] is not null)
            .GroupBy(r => r[identity] as string ?? "(none)", StringComparer.Ordinal)
            .Select(g => (Identity: g.Key, Cost: g.Sum(r => Convert.ToDouble(r[cost], CultureInfo.InvariantCulture))))
            .OrderByDescending(t => t.Cost).ThenBy(t => t.Identity, StringComparer.Ordinal)
            .Take(MaxBars)
            .Reverse()
            .ToArray();
        if (totals.Length == 0)
        {
            return null;
        }

        var plot = new Plot();
        var bars = plot.Add.Bars(totals.Select(t => t.Cost).ToArray());
        bars.Horizontal = true;
        plot.Axes.Left.TickGenerator = new NumericManual(
            Enumerable.Range(0, totals.Length).Select(i => (double)i).ToArray(),
            totals.Select(t => Label(t.Identity)).ToArray());
        plot.Axes.Margins(left: 0);
        plot.Title("Cost by identity (USD, calls with known tokens)");
        plot.XLabel("USD");
        const string title = "Cost by identity";
        return new ChartImage(title, plot.GetImageBytes(900, 120 + (28 * totals.Length), ImageFormat.Png));
    }

    internal static ChartImage? CallsChart(LakeDatabase database, ReportParameters parameters)
    {
        var span = database.Query("SELECT min(event_time), max(event_time) FROM usage WHERE ($from IS NULL OR event_time >= $from) AND ($to IS NULL OR event_time < $to)", ReportRunner.Bind("$from $to", parameters));
        if (span.Rows[0][0] is not DateTime first || span.Rows[0][1] is not DateTime last)
        {
            return null;
        }

        // Hours show a day's rhythm (and a burst at night); past a few days, days read better.
        var bucket = (last - first).TotalDays <= 3 ? "hour" : "day";
        var sql = CallsSql(bucket);
        var rows = database.Query(sql, ReportRunner.Bind(sql, parameters)).Rows
            .Select(r => (Identity: r[0] as string ?? "(none)", Bucket: (DateTime)r[1]!, Calls: Convert.ToDouble(r[2], CultureInfo.InvariantCulture)))
            .ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var busiest = rows.GroupBy(r => r.Identity, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(r => r.Calls)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxSeries).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var others = rows.Select(r => r.Identity).Distinct(StringComparer.Ordinal).Count() - busiest.Count;
        var series = rows
            .GroupBy(r => busiest.Contains(r.Identity) ? r.Identity : $"other ({others} identities)", StringComparer.Ordinal)
            .OrderBy(g => g.Key.StartsWith("other (", StringComparison.Ordinal)).ThenByDescending(g => g.Sum(r => r.Calls));

        // Every bucket of the window gets a point, zero when the identity made no call, so a line never bridges a gap.
        var step = bucket == "hour" ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        var buckets = new List<DateTime>();
        for (var at = rows.Min(r => r.Bucket); at <= rows.Max(r => r.Bucket); at += step)
        {
            buckets.Add(at);
        }

        var plot = new Plot();
        foreach (var identitySeries in series)
        {
            var calls = identitySeries.GroupBy(r => r.Bucket).ToDictionary(g => g.Key, g => g.Sum(r => r.Calls));
            var line = plot.Add.Scatter(buckets.Select(b => b.ToOADate()).ToArray(), buckets.Select(b => calls.GetValueOrDefault(b)).ToArray());
            line.LegendText = Label(identitySeries.Key);
            line.MarkerSize = 3;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title($"Calls per {bucket} by identity (UTC)");
        plot.YLabel("calls");
        plot.ShowLegend(Edge.Right);
        return new ChartImage("Calls over time by identity", plot.GetImageBytes(1100, 450, ImageFormat.Png));
    }

    private static bool Has(QueryResult result, string column) =>
        result.Columns.Contains(column, StringComparer.OrdinalIgnoreCase);

    private static string Label(string identity) =>
        identity.Length <= LabelLength ? identity : string.Concat("…", identity.AsSpan(identity.Length - (LabelLength - 1)));
}
