using BedrockTrail.Cli.Tests.Support;
using BedrockTrail.Synthetic;
using BedrockTrail.Synthetic.Truth;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Cli.Tests.Reports;

/// <summary>
/// One synthetic corpus (the demo options: every scenario, planted LLMjacking) generated with its ground truth and
/// ingested through the real CLI once for every report test in the class.
/// </summary>
public sealed class SyntheticLake : IAsyncLifetime
{
    private readonly TempFolder _folder = new("reports");

    public GroundTruth Truth { get; private set; } = null!;

    public string Lake => _folder.Sub("lake");

    public async Task InitializeAsync()
    {
        var corpus = _folder.Sub("corpus");
        Truth = CorpusGenerator.Generate(CorpusOptions.Demo(), corpus);
        var run = await CliRunner.RunAsync("ingest", "--source", corpus, "--lake", Lake);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("ingest of the synthetic corpus failed: " + run);
        }
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    internal Task<CliRun> ReportAsync(params string[] args) =>
        CliRunner.RunAsync(["report", .. args, "--lake", Lake]);
}
