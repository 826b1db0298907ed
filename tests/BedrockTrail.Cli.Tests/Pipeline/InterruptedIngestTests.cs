using BedrockTrail.Cli.Pipeline;
using BedrockTrail.Cli.Tests.Support;
using BedrockTrail.Ingest.Retry;
using BedrockTrail.Synthetic;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Cli.Tests.Pipeline;

public sealed class InterruptedIngestTests
{
    private const string Fingerprint = """
        SELECT (SELECT count(*) FROM bedrock_calls) calls, (SELECT count(DISTINCT event_id) FROM bedrock_calls) distinct_calls,
               (SELECT count(*) FROM credential_events) creds, (SELECT count(*) FROM invocation_logs) logs,
               (SELECT sum(hash(event_id)) FROM bedrock_calls) call_hash, (SELECT sum(hash(event_id)) FROM credential_events) cred_hash
        """;

    [Fact]
    public async Task Ingest_KilledAfterWritingDataFiles_NextRunCompletesWithNothingLostOrDuplicated()
    {
        // Given a trail and a clean lake built from it in one go
        using var folder = new TempFolder("kill");
        var trail = folder.Sub("trail");
        CorpusGenerator.Generate(CorpusOptions.Demo() with { Seed = 3 }, trail);
        var clean = folder.Sub("clean");
        await CliRunner.RunAsync("ingest", "--source", trail, "--lake", clean, "--no-resolve");

        // When a run that writes small part files is stopped after 300 objects, with files already on disk
        var lake = folder.Sub("lake");
        using var stop = new CancellationTokenSource();
        var request = new IngestRequest { Sources = [trail], LakePath = lake, Concurrency = 2, Resolve = false, RowsPerFile = 10 };
        var progress = new StopAfter(300, stop);
        var run = new IngestRun(request, ObjectRetryPolicy.None, TimeProvider.System, progress);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.ExecuteAsync(stop.Token));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(lake, "bedrock_calls"), "part-*.parquet", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(lake, "_bookkeeping", "ingested")) && Directory.GetFiles(Path.Combine(lake, "_bookkeeping", "ingested")).Length > 0);

        // Then the next run cleans up, reads everything, and the lake equals the clean one
        var resumed = await CliRunner.RunAsync("ingest", "--source", trail, "--lake", lake, "--no-resolve");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Matches(@"recovered\s+\d+ files of an interrupted run removed", resumed.Error);
        var expected = await CliRunner.RunAsync("query", "--lake", clean, "--format", "csv", Fingerprint);
        var actual = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv", Fingerprint);
        Assert.Equal(expected.Out, actual.Out);
    }

    private sealed class StopAfter(int objects, CancellationTokenSource stop) : IIngestProgress
    {
        public void Update(IngestSummary summary)
        {
            if (summary.ObjectsRead >= objects)
            {
                stop.Cancel();
            }
        }
    }
}
