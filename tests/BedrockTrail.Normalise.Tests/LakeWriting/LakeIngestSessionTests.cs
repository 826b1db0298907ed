using System.Globalization;
using BedrockTrail.Lake;
using BedrockTrail.Lake.Schema;
using BedrockTrail.Normalise.LakeWriting;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Normalise.Tests.LakeWriting;

/// <summary>Part files are written on other threads while rows keep arriving; what the run committed must be whole.</summary>
public sealed class LakeIngestSessionTests
{
    private static readonly DateTime Day1 = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task CommitAsync_PartFilesWrittenInBackground_EveryRowReadBackOnce()
    {
        // Given a session whose partitions reach their file size many times (a part file every 10 rows)
        using var folder = new TempFolder("session");
        var lake = new LakeLayout(folder.Path);
        var ids = new List<string>();
        await using (var session = await LakeIngestSession.OpenAsync(lake, "run1", rowsPerFile: 10, CancellationToken.None))
        {
            for (var i = 0; i < 95; i++)
            {
                var call = Call(i, Day1.AddDays(i % 2));
                ids.Add(call.EventId);
                await session.AddAsync(call, CancellationToken.None);
            }

            // When the run commits
            await session.CommitAsync(CancellationToken.None);
        }

        // Then every row is in exactly one committed file and no pending file is left
        var read = new List<string?>();
        foreach (var file in LakeFiles.DataFiles(lake.TableFolder(LakeTables.BedrockCalls.Name)))
        {
            read.AddRange(await ParquetColumnReader.ReadStringsAsync(file, "event_id", CancellationToken.None));
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFiles(folder.Path, "*" + LakeLayout.PendingSuffix, SearchOption.AllDirectories));
    }

    [Fact]
    public async Task CommitAsync_BackgroundWriteFails_FailureSurfacesAndNothingIsCommitted()
    {
        // Given a partition whose folder cannot be created (a file stands where it would go)
        using var folder = new TempFolder("session");
        var lake = new LakeLayout(folder.Path);
        var blocked = lake.PartitionFolder(LakeTables.BedrockCalls.Name, DateOnly.FromDateTime(Day1));
        Directory.CreateDirectory(Path.GetDirectoryName(blocked)!);
        await File.WriteAllTextAsync(blocked, "not a folder");

        // When rows fill that partition past its file size and the run commits
        var session = await LakeIngestSession.OpenAsync(lake, "run1", rowsPerFile: 5, CancellationToken.None);
        var failure = await Record.ExceptionAsync(async () =>
        {
            for (var i = 0; i < 12; i++)
            {
                await session.AddAsync(Call(i, Day1), CancellationToken.None);
            }

            await session.CommitAsync(CancellationToken.None);
        });

        // Then the write's failure reaches the run, disposing the session does not throw again, and no ledger was written
        Assert.IsAssignableFrom<IOException>(failure);
        await session.DisposeAsync();
        Assert.False(Directory.Exists(lake.IngestedFolder) && Directory.EnumerateFiles(lake.IngestedFolder).Any());
    }

    private static BedrockCall Call(int i, DateTime time) => new()
    {
        EventId = "00000000-0000-0000-0000-" + i.ToString("D12", CultureInfo.InvariantCulture),
        EventTime = time.AddSeconds(i),
        EventSource = "bedrock.amazonaws.com",
        EventName = "InvokeModel",
        SessionKey = "AKIA" + i.ToString(CultureInfo.InvariantCulture),
        SourceObject = "test",
    };
}
