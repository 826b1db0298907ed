using BedrockTrail.Cli.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Cli.Tests.Commands;

public sealed class IngestCommandTests
{
    [Fact]
    public async Task Ingest_FolderOfRealSamples_WritesEveryBedrockAndCredentialEvent()
    {
        // Given a trail folder of real public events
        using var folder = new TempFolder("ingest");
        var trail = SampleTrail.Build(folder.Sub("trail"));
        var lake = folder.Sub("lake");

        // When it is ingested
        var run = await CliRunner.RunAsync("ingest", "--source", trail.Root, "--lake", lake);

        // Then every Bedrock and credential event is in the lake, and the run says so
        Assert.True(run.ExitCode == 0, run.ToString());
        var counts = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv",
            "SELECT (SELECT count(*) FROM bedrock_calls) calls, (SELECT count(*) FROM credential_events) creds, (SELECT count(*) FROM invocations) invocations");
        Assert.Equal($"calls,creds,invocations\n{SampleTrail.BedrockEvents},{SampleTrail.CredentialEvents},{SampleTrail.BedrockEvents}\n", counts.Out);
        Assert.Contains("bedrock_calls 16, credential_events 2", run.Error);
    }

    [Fact]
    public async Task Ingest_SameSourceTwice_SecondRunAddsNothing()
    {
        using var folder = new TempFolder("ingest");
        var trail = SampleTrail.Build(folder.Sub("trail"));
        var lake = folder.Sub("lake");
        await CliRunner.RunAsync("ingest", "--source", trail.Root, "--lake", lake);

        var again = await CliRunner.RunAsync("ingest", "--source", trail.Root, "--lake", lake);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Matches(@"already in the lake\s+4\n", again.Error);
        Assert.Contains("bedrock_calls 0, credential_events 0", again.Error);
        var count = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv", "SELECT count(*) n FROM bedrock_calls");
        Assert.Equal($"n\n{SampleTrail.BedrockEvents}\n", count.Out);
    }

    [Fact]
    public async Task Ingest_DamagedObjects_QuarantinesThemKeepsGoodRowsAndExitsOne()
    {
        // Given good files plus a truncated file, a non-gzip file, an empty file, a file with one bad record and a digest
        using var folder = new TempFolder("ingest");
        var trail = SampleTrail.Build(folder.Sub("trail"));
        SampleTrail.AddDamage(trail);
        var lake = folder.Sub("lake");

        // When ingested
        var run = await CliRunner.RunAsync("ingest", "--source", trail.Root, "--lake", lake);

        // Then the run finishes with exit code 1, the good rows (including the good record next to the bad one) are kept,
        // and the quarantine names each damaged object or record
        Assert.True(run.ExitCode == 1, run.ToString());
        var quarantine = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv", "SELECT record_index IS NULL whole, count(*) n FROM quarantine GROUP BY 1 ORDER BY 1");
        Assert.Equal("whole,n\nfalse,1\ntrue,3\n", quarantine.Out);
        var calls = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv", "SELECT count(*) n FROM bedrock_calls WHERE event_id = '11111111-2222-3333-4444-555555555555'");
        Assert.Equal("n\n1\n", calls.Out);
        Assert.Contains("skipped (not logs)", run.Error);
        Assert.Matches(@"quarantined\s+3 objects, 1 records", run.Error);
    }

    [Fact]
    public async Task Ingest_DamagedObjectsRerun_DoesNotQuarantineThemAgain()
    {
        using var folder = new TempFolder("ingest");
        var trail = SampleTrail.Build(folder.Sub("trail"));
        SampleTrail.AddDamage(trail);
        var lake = folder.Sub("lake");
        await CliRunner.RunAsync("ingest", "--source", trail.Root, "--lake", lake);

        var again = await CliRunner.RunAsync("ingest", "--source", trail.Root, "--lake", lake);

        Assert.True(again.ExitCode == 0, again.ToString());
        var quarantine = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv", "SELECT count(*) n FROM quarantine");
        Assert.Equal("n\n4\n", quarantine.Out);
    }

    [Fact]
    public async Task Ingest_SinceAndUntil_KeepsOnlyEventsInsideTheWindow()
    {
        using var folder = new TempFolder("ingest");
        var trail = SampleTrail.Build(folder.Sub("trail"));
        var lake = folder.Sub("lake");

        var run = await CliRunner.RunAsync("ingest", "--source", trail.Root, "--lake", lake, "--since", "2024-10-17T20:10:00Z", "--until", "2024-10-17");

        Assert.True(run.ExitCode == 0, run.ToString());
        var window = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv", "SELECT count(*) n, min(event_time) >= TIMESTAMP '2024-10-17 20:10:00' inside FROM bedrock_calls");
        Assert.Equal("n,inside\n10,true\n", window.Out);
    }

    [Fact]
    public async Task Ingest_AccountsFilter_ReadsOnlyThoseAccounts()
    {
        using var folder = new TempFolder("ingest");
        var trail = SampleTrail.Build(folder.Sub("trail"), organizationId: "o-a1b2c3d4e5");
        var lake = folder.Sub("lake");

        var run = await CliRunner.RunAsync("ingest", "--source", trail.Root, "--lake", lake, "--accounts", "111122223333,653711331788");

        Assert.True(run.ExitCode == 0, run.ToString());
        var accounts = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv", "SELECT DISTINCT account_id FROM bedrock_calls UNION SELECT DISTINCT account_id FROM credential_events ORDER BY 1");
        Assert.Equal("account_id\n111122223333\n653711331788\n", accounts.Out);
    }

    [Fact]
    public async Task Ingest_MissingSourceFolder_ExitsTwoWithWhatToDo()
    {
        using var folder = new TempFolder("ingest");

        var run = await CliRunner.RunAsync("ingest", "--source", folder.Sub("nowhere"), "--lake", folder.Sub("lake"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error);
    }

    [Fact]
    public async Task Ingest_FolderWithNoLogFiles_ExitsTwoAndSaysWhereToPoint()
    {
        using var folder = new TempFolder("ingest");
        Directory.CreateDirectory(folder.Sub("not-a-trail/some/other/data"));
        File.WriteAllText(folder.Sub("not-a-trail/some/other/data/readme.txt"), "hello");

        var run = await CliRunner.RunAsync("ingest", "--source", folder.Sub("not-a-trail"), "--lake", folder.Sub("lake"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no CloudTrail or model invocation log files under", run.Error);
        Assert.Contains("AWSLogs/", run.Error);
    }

    [Theory]
    [InlineData("ingest", "--lake", "x")]
    [InlineData("ingest", "--source", "x", "--lake", "y", "--since", "yesterday")]
    [InlineData("no-such-command")]
    [InlineData("query", "--lake")]
    public async Task Run_UsageError_ExitsTwo(params string[] args)
    {
        var run = await CliRunner.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error:", run.Error);
    }
}
