using BedrockTrail.Cli.Tests.Support;
using BedrockTrail.Synthetic;
using BedrockTrail.Synthetic.Truth;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Cli.Tests.Commands;

public sealed class TraceCommandTests : IClassFixture<TraceCommandTests.DemoLake>
{
    private readonly DemoLake _lake;

    public TraceCommandTests(DemoLake lake)
    {
        _lake = lake;
    }

    [Fact]
    public async Task Trace_AccessKeyOfARoleChain_PrintsEveryHopOfTheChainAndTheIdentity()
    {
        // Given a session at the end of a multi-hop chain in the generator's truth
        var session = _lake.Truth.Sessions.Values.First(s => s.Hops >= 2 && s.Status == "resolved" && s.AccessKeyId is not null);

        // When it is traced by its access key
        var run = await CliRunner.RunAsync("trace", session.AccessKeyId!, "--lake", _lake.Path);

        // Then the tree names the identity and every hop of the chain, top down
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(session.Identity, run.Out);
        var position = -1;
        foreach (var hop in session.Chain.Skip(1))
        {
            var next = run.Out.IndexOf(hop, position + 1, StringComparison.Ordinal);
            Assert.True(next > position, $"hop {hop} missing or out of order in:\n{run.Out}");
            position = next;
        }
    }

    [Fact]
    public async Task Trace_EventIdOfABedrockCall_TracesTheSessionThatMadeIt()
    {
        var (eventId, key) = _lake.Truth.Calls.First(c => _lake.Truth.Sessions[c.Value].Status == "resolved");
        var session = _lake.Truth.Sessions[key];

        var run = await CliRunner.RunAsync("trace", eventId, "--lake", _lake.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(session.Identity, run.Out);
    }

    [Fact]
    public async Task Trace_UnknownKey_ExitsTwoAndSaysWhatItAccepts()
    {
        var run = await CliRunner.RunAsync("trace", "ASIAZZZZZZZZZZZZZZZZ", "--lake", _lake.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("access key id, a CloudTrail event id or a session ARN", run.Error);
    }

    /// <summary>One ingested demo corpus shared by the trace tests.</summary>
    public sealed class DemoLake : IAsyncLifetime
    {
        private readonly TempFolder _folder = new("trace");

        public GroundTruth Truth { get; private set; } = null!;

        public string Path => _folder.Sub("lake");

        public async Task InitializeAsync()
        {
            Truth = CorpusGenerator.Generate(CorpusOptions.Demo() with { Seed = 5 }, _folder.Sub("trail"));
            var run = await CliRunner.RunAsync("ingest", "--source", _folder.Sub("trail"), "--lake", Path);
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }
    }
}
