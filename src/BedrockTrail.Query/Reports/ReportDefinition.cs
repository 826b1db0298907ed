namespace BedrockTrail.Query.Reports;

/// <summary>
/// A named report: one SQL file in <c>queries/</c>. Its header comments say what it answers
/// (<c>-- description: ...</c>), for whom (<c>-- for: ...</c>) and which charts its HTML page carries
/// (<c>-- charts: cost-by-identity, calls-over-time</c>).
/// </summary>
public sealed record ReportDefinition(string Name, string Description, string Audience, string Sql)
{
    /// <summary>The parameters the SQL uses (<c>$from</c>, <c>$model</c>...), so only those are bound.</summary>
    public IEnumerable<string> Parameters => ReportParameters.All.Where(p => Sql.Contains("$" + p, StringComparison.Ordinal));

    /// <summary>The charts named in the header (see <see cref="ReportCharts"/>), in order.</summary>
    public IReadOnlyList<string> Charts { get; init; } = [];

    public static ReportDefinition Parse(string name, string sql)
    {
        string Header(string key) => sql.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("-- " + key + ":", StringComparison.Ordinal))
            .Select(line => line[(key.Length + 4)..].Trim())
            .FirstOrDefault() ?? string.Empty;

        var charts = Header("charts").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ReportDefinition(name, Header("description"), Header("for"), sql) { Charts = charts };
    }
}
