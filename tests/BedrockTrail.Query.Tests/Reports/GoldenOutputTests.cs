using BedrockTrail.Query.Output;
using BedrockTrail.Query.Reports;
using BedrockTrail.TestSupport.Golden;

namespace BedrockTrail.Query.Tests.Reports;

/// <summary>The md and table output of the reports on the known lake, compared with golden files in Reports/Golden.</summary>
public sealed class GoldenOutputTests
{
    [Theory]
    [InlineData("invocations-by-identity", ResultFormat.Md, "md")]
    [InlineData("invocations-by-identity", ResultFormat.Table, "txt")]
    [InlineData("cost-by-identity", ResultFormat.Md, "md")]
    [InlineData("cost-by-identity", ResultFormat.Table, "txt")]
    [InlineData("who-invoked", ResultFormat.Md, "md")]
    [InlineData("who-invoked", ResultFormat.Table, "txt")]
    [InlineData("unattributed", ResultFormat.Md, "md")]
    [InlineData("unattributed", ResultFormat.Table, "txt")]
    [InlineData("standing-access", ResultFormat.Md, "md")]
    [InlineData("standing-access", ResultFormat.Table, "txt")]
    public async Task Render_KnownLake_MatchesGoldenFile(string name, ResultFormat format, string extension)
    {
        using var lake = await KnownLake.CreateAsync();
        using var db = lake.Open();
        var report = ReportCatalog.Find(name)!;

        var result = ReportRunner.Run(db, report, new ReportParameters(), KnownLake.Prices);
        var page = ReportRunner.Page(db, report, new ReportParameters(), result, withCharts: false, KnownLake.Prices);
        var text = ResultRenderer.Render(result, format, name, page);

        GoldenFile.AssertMatches(text, $"tests/BedrockTrail.Query.Tests/Reports/Golden/{name}.{extension}");
    }
}
