using BedrockTrail.Cli.Tests.Support;
using BedrockTrail.TestSupport.Golden;

namespace BedrockTrail.Cli.Tests.Commands;

/// <summary>`--help` is the first documentation people read: its text is reviewed as a golden file.</summary>
public sealed class HelpTextTests
{
    [Theory]
    [InlineData("root")]
    [InlineData("ingest")]
    [InlineData("resolve")]
    [InlineData("trace")]
    [InlineData("report")]
    [InlineData("query")]
    [InlineData("import-iam")]
    [InlineData("demo")]
    public async Task Help_EachCommand_MatchesTheReviewedText(string command)
    {
        var run = command == "root" ? await CliRunner.RunAsync("--help") : await CliRunner.RunAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        GoldenFile.AssertMatches(run.Out, $"tests/BedrockTrail.Cli.Tests/Commands/Golden/help-{command}.txt");
    }
}
