using BedrockTrail.Synthetic.Tests.Support;

namespace BedrockTrail.Synthetic.Tests.Output;

public sealed class DeliveryTests : IClassFixture<SmallCorpus>
{
    private readonly SmallCorpus _corpus;

    public DeliveryTests(SmallCorpus corpus)
    {
        _corpus = corpus;
    }

    [Fact]
    public void Generate_DuplicateShare_SomeEventsAreDeliveredTwiceInTwoFiles()
    {
        var twice = _corpus.Records.GroupBy(r => r.Record.Str("eventID")).Where(g => g.Count() > 1).ToList();

        Assert.Equal(_corpus.Truth.Totals.DuplicateDeliveries, twice.Sum(g => g.Count() - 1));
        Assert.NotEmpty(twice);
        Assert.All(twice, g => Assert.Equal(g.Count(), g.Select(r => r.Key).Distinct().Count()));
    }

    [Fact]
    public void Generate_LateWindows_LandInTheNextDaysFolder()
    {
        var nextDay = _corpus.Records.Count(r => FolderDate(r.Key) != r.Record.Str("eventTime")![..10]);

        Assert.Equal(_corpus.Truth.Totals.NextDayDeliveries, nextDay);
        Assert.True(nextDay > 0);
    }

    [Fact]
    public void Generate_RecordsInAFile_AreNotAllInTimeOrder()
    {
        var shuffled = _corpus.Records.GroupBy(r => r.Key).Count(file =>
        {
            var times = file.Select(r => r.Record.Str("eventTime")!).ToList();
            return !times.SequenceEqual(times.Order(StringComparer.Ordinal));
        });

        Assert.True(shuffled > 10, "files out of time order: " + shuffled);
    }

    [Fact]
    public void Generate_Totals_MatchTheRecordsInTheFiles()
    {
        var totals = _corpus.Truth.Totals;

        Assert.Equal(totals.TrailRecords, _corpus.Records.Count);
        Assert.Equal(totals.DistinctEvents, _corpus.Records.Select(r => r.Record.Str("eventID")).Distinct().Count());
        Assert.Equal(totals.TrailFiles, _corpus.Records.Select(r => r.Key).Distinct().Count());
    }

    private static string FolderDate(string key)
    {
        var parts = key.Split('/');
        return parts[^4] + "-" + parts[^3] + "-" + parts[^2];
    }
}
