using BedrockTrail.Cli.Tests.Support;
using BedrockTrail.Synthetic;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Cli.Tests.Pipeline;

/// <summary>
/// Ingest resolves a lake that held no sessions before the run from the rows it gathered while writing them, and any
/// other lake by reading it back through DuckDB (as <c>resolve</c> always does): both must give the same table.
/// </summary>
public sealed class ResolveStageTests
{
    private const string AllIdentities = "SELECT * FROM identities ORDER BY session_key";

    [Theory]
    [InlineData(5)]
    [InlineData(11)]
    public async Task RunAsync_RowsGatheredByAFirstIngest_GiveTheIdentitiesReadBackFromTheLake(int seed)
    {
        // Given a generated organization trail ingested into an empty lake (resolved from memory)
        using var folder = new TempFolder("resolve-paths");
        CorpusGenerator.Generate(CorpusOptions.Demo() with { Seed = seed }, folder.Sub("trail"));
        var lake = folder.Sub("lake");
        var ingest = await CliRunner.RunAsync("ingest", "--source", folder.Sub("trail"), "--lake", lake);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        var fromMemory = await IdentitiesAsync(lake);

        // When the same lake is resolved from its files
        var resolve = await CliRunner.RunAsync("resolve", "--lake", lake);
        Assert.True(resolve.ExitCode == 0, resolve.ToString());

        // Then every row and every column is the same
        Assert.True(fromMemory.Length > 100, "the corpus should make sessions");
        Assert.Equal(fromMemory, await IdentitiesAsync(lake));
    }

    [Fact]
    public async Task RunAsync_IngestIntoALakeWithSessions_ResolvesOldAndNewRowsTogether()
    {
        // Given a trail ingested region by region, the second run adding to a lake that already has sessions
        using var folder = new TempFolder("resolve-paths");
        var trail = folder.Sub("trail");
        CorpusGenerator.Generate(CorpusOptions.Demo() with { Seed = 5 }, trail);
        var inSteps = folder.Sub("steps");
        var first = await CliRunner.RunAsync("ingest", "--source", trail, "--lake", inSteps, "--regions", "us-east-1");
        Assert.True(first.ExitCode == 0, first.ToString());
        var second = await CliRunner.RunAsync("ingest", "--source", trail, "--lake", inSteps);
        Assert.True(second.ExitCode == 0, second.ToString());

        // When the whole trail is ingested into a fresh lake in one run
        var inOneGo = folder.Sub("one-go");
        await CliRunner.RunAsync("ingest", "--source", trail, "--lake", inOneGo);

        // Then both lakes resolve every session the same way
        var expected = await IdentitiesAsync(inOneGo);
        Assert.NotEqual(expected, await IdentitiesAfterFirstRunAsync(trail, folder.Sub("first-only")));
        Assert.Equal(expected, await IdentitiesAsync(inSteps));
    }

    private static async Task<string> IdentitiesAfterFirstRunAsync(string trail, string lake)
    {
        await CliRunner.RunAsync("ingest", "--source", trail, "--lake", lake, "--regions", "us-east-1");
        return await IdentitiesAsync(lake);
    }

    private static async Task<string> IdentitiesAsync(string lake)
    {
        var rows = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv", AllIdentities);
        Assert.True(rows.ExitCode == 0, rows.ToString());
        return rows.Out;
    }
}
