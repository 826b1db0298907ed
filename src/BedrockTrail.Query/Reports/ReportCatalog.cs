using System.Reflection;

namespace BedrockTrail.Query.Reports;

/// <summary>The named reports shipped in <c>queries/*.sql</c> (embedded in this assembly).</summary>
public static class ReportCatalog
{
    private const string Prefix = "queries/";

    private static readonly Lazy<IReadOnlyList<ReportDefinition>> Reports = new(Load);

    public static IReadOnlyList<ReportDefinition> All => Reports.Value;

    public static ReportDefinition? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    private static List<ReportDefinition> Load()
    {
        var assembly = typeof(ReportCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => ReportDefinition.Parse(n[Prefix.Length..^".sql".Length], Read(assembly, n)))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
