using BedrockTrail.Cli.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Cli.Tests.Reports;

public sealed class ReportCommandTests
{
    private static readonly string[] Reports =
        ["cost-by-identity", "cross-account", "invocations-by-identity", "llmjacking", "separation-of-duties", "standing-access", "unattributed", "who-invoked"];

    [Fact]
    public async Task List_NoLake_EveryReportWithWhatItAnswersAndForWhom()
    {
        var run = await CliRunner.RunAsync("report", "--list");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in Reports)
        {
            var line = Assert.Single(lines, l => l.StartsWith(name + " ", StringComparison.Ordinal));
            Assert.Matches(@"^\S+\s+\S.{20,}\[[^\]]+\]$", line);
        }
    }

    [Fact]
    public async Task Report_EmptyLake_EveryReportEveryFormatExitsZero()
    {
        // Given a lake folder with nothing ingested yet
        using var folder = new TempFolder("empty");

        foreach (var name in Reports)
        {
            foreach (var format in new[] { "table", "csv", "json", "md", "html" })
            {
                // When each report runs in each format
                var run = await CliRunner.RunAsync("report", name, "--lake", folder.Path, "--format", format);

                // Then it answers with no rows rather than an error
                Assert.True(run.ExitCode == 0, $"{name} {format}: {run}");
                Assert.Equal(string.Empty, run.Error);
            }

            var csv = await CliRunner.RunAsync("report", name, "--lake", folder.Path, "--format", "csv");
            Assert.Single(csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Fact]
    public async Task Report_UnknownName_UsageErrorNamingTheReports()
    {
        using var folder = new TempFolder("empty");

        var run = await CliRunner.RunAsync("report", "who-did-it", "--lake", folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no report named 'who-did-it'", run.Error, StringComparison.Ordinal);
        Assert.Contains("who-invoked", run.Error, StringComparison.Ordinal);
    }
}
