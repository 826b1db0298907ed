using BedrockTrail.Normalise.Tests.Support;

namespace BedrockTrail.Normalise.Tests.CloudTrail;

public sealed class FastPathEquivalenceTests
{
    [Fact]
    public void Decode_SamplesAndGeneratedNoise_FastAndFullPathsKeepIdenticalRows()
    {
        // Given every strict-JSON sample event plus 2,000 seeded tricky records, shuffled into one file
        var records = TrailFiles.StrictJsonSampleFiles().SelectMany(TrailFiles.EventsOf).Concat(NoiseTrail.Records(2_000, seed: 7)).ToList();
        var random = new Random(11);
        var shuffled = records.OrderBy(_ => random.Next()).ToList();
        var log = "{\"Records\":[" + string.Join(",\n", shuffled) + "]}";

        // When decoded both ways
        var (fast, fastOutcome) = TrailFiles.Decode(log, parseEveryRecord: false);
        var (full, fullOutcome) = TrailFiles.Decode(log, parseEveryRecord: true);

        // Then the rows are the same, in the same order, and there are plenty of both kinds
        Assert.Equal(full.Calls, fast.Calls);
        Assert.Equal(full.Issuances, fast.Issuances);
        Assert.True(fast.Calls.Count > 300, "calls: " + fast.Calls.Count);
        Assert.True(fast.Issuances.Count > 150, "issuances: " + fast.Issuances.Count);
        Assert.Equal(fullOutcome.RowsKept, fastOutcome.RowsKept);
        Assert.Equal(records.Count, fastOutcome.RecordsScanned);

        // And the failures of kept events agree too (noise is never failed on either path here)
        Assert.Equal(fullOutcome.RecordFailures, fastOutcome.RecordFailures);
        Assert.Contains(fastOutcome.RecordFailures, f => f.Reason == "missing eventTime");
        Assert.Contains(fastOutcome.RecordFailures, f => f.Reason == "missing eventSource");
    }

    [Fact]
    public void Decode_EscapedBedrockSource_IsKeptByTheFastPath()
    {
        var (sink, _) = TrailFiles.Decode("""{"Records":[{"eventTime":"2025-01-01T00:00:00Z","eventID":"e","eventSource":"bedrock\u002eamazonaws.com","eventName":"InvokeModel"}]}""");

        Assert.Equal("bedrock.amazonaws.com", Assert.Single(sink.Calls).EventSource);
    }
}
