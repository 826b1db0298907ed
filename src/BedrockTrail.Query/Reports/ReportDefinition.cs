namespace BedrockTrail.Query.Reports;

/// <summary>
/// A named report: one SQL file in <c>queries/</c>. Its header comments say what it answers
/// (<c>-- description: ...</c>) and for whom (<c>-- for: ...</c>).
/// </summary>
public sealed record ReportDefinition(string Name, string Description, string Audience, string Sql)
{
    /// <summary>The parameters the SQL uses (<c>$from</c>, <c>$model</c>...), so only those are bound.</summary>
    public IEnumerable<string> Parameters => ReportParameters.All.Where(p => Sql.Contains("$" + p, StringComparison.Ordinal));

    public static ReportDefinition Parse(string name, string sql)
    {
        string Header(string key) => sql.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("-- " + key + ":", StringComparison.Ordinal))
            .Select(line => line[(key.Length + 4)..].Trim())
            .FirstOrDefault() ?? string.Empty;

        return new ReportDefinition(name, Header("description"), Header("for"), sql);
    }
}
