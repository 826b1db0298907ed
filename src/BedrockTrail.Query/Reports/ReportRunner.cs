namespace BedrockTrail.Query.Reports;

/// <summary>Runs a named report against a lake with the filters it uses.</summary>
public static class ReportRunner
{
    public static QueryResult Run(LakeDatabase database, ReportDefinition report, ReportParameters parameters)
    {
        var bound = report.Parameters.ToDictionary(p => p, parameters.ValueOf);
        return database.Query(report.Sql, bound);
    }
}
