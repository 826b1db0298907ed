using BedrockTrail.Query.Output;
using BedrockTrail.Query.Pricing;

namespace BedrockTrail.Query.Reports;

/// <summary>Runs a named report against a lake with the filters it uses and the prices it needs.</summary>
public static class ReportRunner
{
    /// <summary>Runs the report's SQL; <paramref name="prices"/> defaults to the shipped price list.</summary>
    public static QueryResult Run(LakeDatabase database, ReportDefinition report, ReportParameters parameters, PriceList? prices = null)
    {
        PriceTable.Install(database, prices ?? PriceList.Default);
        return database.Query(report.Sql, Bind(report.Sql, parameters));
    }

    /// <summary>The notes (and for HTML the charts) that go around a report's table.</summary>
    public static ReportPage Page(LakeDatabase database, ReportDefinition report, ReportParameters parameters, QueryResult result, bool withCharts, PriceList? prices = null)
    {
        var notes = new List<string>(ReportNotes.For(result));
        notes.AddRange(ReportNotes.DataEventCoverage(database));
        notes.AddRange(ReportNotes.TokenJoins(database));
        notes.AddRange((prices ?? PriceList.Default).Problems.Select(p => "pricing: " + p));
        var charts = withCharts ? ReportCharts.Build(database, report, parameters, result) : [];
        return new ReportPage(notes, charts);
    }

    internal static Dictionary<string, object?> Bind(string sql, ReportParameters parameters) =>
        ReportParameters.All.Where(p => sql.Contains("$" + p, StringComparison.Ordinal)).ToDictionary(p => p, parameters.ValueOf);
}
