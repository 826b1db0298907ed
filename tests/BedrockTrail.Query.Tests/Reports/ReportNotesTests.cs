using BedrockTrail.Lake;
using BedrockTrail.Normalise.LakeWriting;
using BedrockTrail.Query.Reports;
using BedrockTrail.Query.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Query.Tests.Reports;

public sealed class ReportNotesTests
{
    private static readonly DateTime Day = new(2025, 3, 3, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public async Task DataEventCoverage_LakeWithOrWithoutDataEvents_SaysUseIsUnknownOnlyWhenThereAreNone(bool withDataEvent, int expectedNotes)
    {
        // Given a lake of management calls, with or without one agent data event
        using var folder = new TempFolder("notes");
        var lake = new LakeLayout(folder.Path);
        await using (var run = await LakeIngestSession.OpenAsync(lake, "20250303T000000Z_000001", CancellationToken.None))
        {
            await run.AddAsync(Some.Call("e1", Day) with { EventCategory = "Management" }, CancellationToken.None);
            if (withDataEvent)
            {
                await run.AddAsync(Some.Call("e2", Day) with { EventCategory = "Data", EventName = "InvokeAgent" }, CancellationToken.None);
            }

            await run.CommitAsync(CancellationToken.None);
        }

        // When the notes are read
        using var database = LakeDatabase.Open(lake);
        var notes = ReportNotes.DataEventCoverage(database);

        // Then a trail without data events is called out as unknown, not zero
        Assert.Equal(expectedNotes, notes.Count);
        Assert.All(notes, n => Assert.Contains("unknown here, not zero", n));
    }

    [Fact]
    public void DataEventCoverage_EmptyLake_SaysNothing()
    {
        using var folder = new TempFolder("notes");
        using var database = LakeDatabase.Open(new LakeLayout(folder.Path));

        Assert.Empty(ReportNotes.DataEventCoverage(database));
    }
}
