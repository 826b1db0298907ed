using BedrockTrail.TestSupport;

namespace BedrockTrail.Cli.Tests.Reports;

/// <summary>The HTML cost report opened in a real browser (headless Chromium): it renders its table and both charts.</summary>
public sealed class HtmlReportRenderTests : IClassFixture<SyntheticLake>
{
    private readonly SyntheticLake _lake;

    public HtmlReportRenderTests(SyntheticLake lake) => _lake = lake;

    [Fact]
    public async Task CostByIdentityHtml_OpenedInChromium_RendersTableAndBothChartImages()
    {
        var chromium = HeadlessChromium.Find();
        Assert.True(chromium is not null, "chromium is not installed: run `make chromium` (apt-get install chromium)");
        using var folder = new TempFolder("html");
        var html = folder.Sub("cost.html");
        var run = await _lake.ReportAsync("cost-by-identity", "--format", "html", "--out", html);
        Assert.True(run.ExitCode == 0, run.ToString());

        // When the browser loads it, it lays out the page and decodes the images (naturalWidth is 0 for a broken image)
        var probe = folder.Sub("probe.html");
        var page = await File.ReadAllTextAsync(html);
        await File.WriteAllTextAsync(probe, page.Replace("</body>", ProbeScript, StringComparison.Ordinal));
        var dom = await HeadlessChromium.RunAsync(chromium!, probe, folder.Sub("profile-dom"), "--virtual-time-budget=5000", "--dump-dom");
        var screenshot = folder.Sub("cost.png");
        await HeadlessChromium.RunAsync(chromium!, html, folder.Sub("profile-shot"), "--screenshot=" + screenshot);

        // Then both charts decoded to their real size, the table has every row, and a screenshot was taken
        Assert.Contains("<p id=\"probe\">images=2 decoded=2 widths=900,1100 rows=", dom, StringComparison.Ordinal);
        var rowsInTable = page.Split("<tr>").Length - 2;
        Assert.Contains($"rows={rowsInTable}</p>", dom, StringComparison.Ordinal);
        Assert.True(new FileInfo(screenshot).Length > 20_000, "the screenshot is nearly empty");
    }

    /// <summary>Written into the DOM by the page itself once loaded, so --dump-dom shows what the browser decoded.</summary>
    private const string ProbeScript = """
        <script>
        window.addEventListener('load', () => {
          const images = [...document.images];
          const p = document.createElement('p');
          p.id = 'probe';
          p.textContent = 'images=' + images.length + ' decoded=' + images.filter(i => i.complete && i.naturalWidth > 0).length
            + ' widths=' + images.map(i => i.naturalWidth).join(',') + ' rows=' + document.querySelectorAll('tbody tr').length;
          document.body.appendChild(p);
        });
        </script></body>
        """;
}
