using BedrockTrail.Normalise.Tests.Support;

namespace BedrockTrail.Normalise.Tests.CloudTrail;

public sealed class SampleSweepTests
{
    public static TheoryData<string> SampleFiles() => [.. TrailFiles.StrictJsonSampleFiles().Select(path => Path.GetRelativePath(BedrockTrail.TestSupport.RepoPaths.Samples, path))];

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Decode_EveryStrictJsonSample_ReadsWholeWithCountsThatAddUp(string relativePath)
    {
        var events = TrailFiles.EventsOf(Path.Combine(BedrockTrail.TestSupport.RepoPaths.Samples, relativePath));

        var (sink, outcome) = TrailFiles.Decode("{\"Records\":[" + string.Join(",", events) + "]}", source: relativePath);

        Assert.Equal(ObjectVerdict.Ok, outcome.Verdict);
        Assert.Equal(events.Count, outcome.RecordsScanned);
        Assert.Equal(outcome.RowsKept, sink.AllRows.Count());
        Assert.All(sink.Calls, c => Assert.Equal(DateTimeKind.Utc, c.EventTime.Kind));
        Assert.All(sink.Issuances, i => Assert.Equal(relativePath, i.SourceObject));
    }

    [Fact]
    public void Decode_AllSamples_KeepTheExpectedNumberOfRows()
    {
        var events = TrailFiles.StrictJsonSampleFiles().SelectMany(TrailFiles.EventsOf).ToList();

        var (sink, outcome) = TrailFiles.Decode("{\"Records\":[" + string.Join(",", events) + "]}");

        // 15 stratus + 5 panther + documented InvokeModel + mantle = 22 Bedrock events.
        Assert.Equal(22, sink.Calls.Count);
        Assert.Equal(sink.Issuances.Count + sink.Calls.Count, outcome.RowsKept);
        // Panther's three hand-built GetSessionToken/AssumeRole tests have no eventID.
        Assert.Equal(["missing eventID", "missing eventID", "missing eventID"], outcome.RecordFailures.Select(f => f.Reason));
    }
}
