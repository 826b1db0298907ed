using System.Globalization;
using BedrockTrail.Resolve.Sessions;

namespace BedrockTrail.Resolve.Tests.Sessions;

public sealed class SessionOrderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(70_001)]
    public void Sort_ShuffledKeys_GivesOrdinalKeyOrder(int count)
    {
        // Given sessions in random order (70,001: sorted as two halves on two threads, then merged; odd on purpose)
        var random = new Random(count);
        var sessions = Enumerable.Range(0, count)
            .Select(i => Session("k" + random.Next().ToString("x8", CultureInfo.InvariantCulture) + "-" + i.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        var expected = sessions.Select(s => s.SessionKey).Order(StringComparer.Ordinal).ToList();

        // When
        var sorted = SessionOrder.Sort(sessions);

        // Then
        Assert.Equal(expected, sorted.Select(s => s.SessionKey));
    }

    private static ObservedSession Session(string key) => new()
    {
        SessionKey = key,
        FirstSeen = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        LastSeen = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        CallCount = 1,
        ModelCounts = new Dictionary<string, int>(),
    };
}
