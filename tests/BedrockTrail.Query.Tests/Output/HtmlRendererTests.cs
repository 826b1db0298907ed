using BedrockTrail.Query.Output;
using BedrockTrail.Query.Reports;
using BedrockTrail.Query.Tests.Reports;

namespace BedrockTrail.Query.Tests.Output;

public sealed class HtmlRendererTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData("cost-by-identity")]
    [InlineData("invocations-by-identity")]
    public async Task Page_CostReports_TwoPngChartsInlined(string name)
    {
        // Given the known lake and a report that asks for charts
        using var lake = await KnownLake.CreateAsync();
        using var db = lake.Open();
        var report = ReportCatalog.Find(name)!;
        var result = ReportRunner.Run(db, report, new ReportParameters(), KnownLake.Prices);

        // When its HTML page is rendered
        var page = ReportRunner.Page(db, report, new ReportParameters(), result, withCharts: true, KnownLake.Prices);
        var html = ResultRenderer.Render(result, ResultFormat.Html, name, page);

        // Then both charts are real PNGs, inlined as data URIs, and the page loads nothing from outside
        Assert.Equal(["Cost by identity", "Calls over time by identity"], page.Charts.Select(c => c.Title));
        foreach (var chart in page.Charts)
        {
            Assert.Equal(PngSignature, chart.Png.Take(8));
            Assert.True(chart.Png.Length > 5_000, $"{chart.Title} is only {chart.Png.Length} bytes");
            Assert.Contains("src=\"data:image/png;base64," + Convert.ToBase64String(chart.Png) + "\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"note\">2 of 7 calls have no model invocation log record", html, StringComparison.Ordinal);
        Assert.Contains("<td>alice@example.com</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ReportWithoutCharts_NoImages()
    {
        using var lake = await KnownLake.CreateAsync();
        using var db = lake.Open();
        var report = ReportCatalog.Find("who-invoked")!;
        var result = ReportRunner.Run(db, report, new ReportParameters(), KnownLake.Prices);

        var page = ReportRunner.Page(db, report, new ReportParameters(), result, withCharts: true, KnownLake.Prices);

        Assert.Empty(page.Charts);
        Assert.DoesNotContain("<img", ResultRenderer.Render(result, ResultFormat.Html, "who-invoked", page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_FilterMatchingNothing_NoChartsAndNoError()
    {
        using var lake = await KnownLake.CreateAsync();
        using var db = lake.Open();
        var report = ReportCatalog.Find("cost-by-identity")!;
        var parameters = new ReportParameters(Identity: "nobody@example.com");
        var result = ReportRunner.Run(db, report, parameters, KnownLake.Prices);

        var page = ReportRunner.Page(db, report, parameters, result, withCharts: true, KnownLake.Prices);

        Assert.Empty(result.Rows);
        Assert.Empty(page.Charts);
    }

    [Fact]
    public void CostChart_NoCostKnown_NoChart()
    {
        var result = new QueryResult(["identity", "cost_usd"], ["VARCHAR", "DECIMAL"], [["alice", null], ["bob", null]]);

        Assert.Null(ReportCharts.CostChart(result));
    }

    [Fact]
    public void Render_CsvAndJson_StayPureDataWithoutNotes()
    {
        var result = new QueryResult(["identity", "calls"], ["VARCHAR", "BIGINT"], [["alice", 2L]]);
        var page = new ReportPage(["a note"], []);

        Assert.Equal("identity,calls\nalice,2\n", ResultRenderer.Render(result, ResultFormat.Csv, "t", page).ReplaceLineEndings("\n"));
        Assert.DoesNotContain("a note", ResultRenderer.Render(result, ResultFormat.Json, "t", page), StringComparison.Ordinal);
        Assert.EndsWith("note: a note\n", ResultRenderer.Render(result, ResultFormat.Table, "t", page).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
