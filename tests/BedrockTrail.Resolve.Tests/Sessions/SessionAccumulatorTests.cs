using BedrockTrail.Lake;
using BedrockTrail.Resolve.Sessions;
using BedrockTrail.Resolve.Tests.Support;

namespace BedrockTrail.Resolve.Tests.Sessions;

public sealed class SessionAccumulatorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(2026)]
    public void ToSessions_CallsWithGapsInAnyOrder_GivesEachFieldOfTheEarliestCallThatHasIt(int seed)
    {
        // Given 40 sessions of 1-6 calls whose fields are each missing now and then, arriving shuffled
        var random = new Random(seed);
        var calls = new List<BedrockCall>();
        for (var s = 0; s < 40; s++)
        {
            var key = "ASIAACC" + s.ToString("D13", System.Globalization.CultureInfo.InvariantCulture);
            var count = random.Next(1, 7);
            for (var c = 0; c < count; c++)
            {
                calls.Add(CallWithGaps(random, key, s, c));
            }
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(calls));

        // When
        var accumulator = new SessionAccumulator();
        calls.ForEach(accumulator.Add);
        var sessions = accumulator.ToSessions();

        // Then every session equals the one computed the long way: all its calls sorted, the first value per field
        Assert.Equal(40, sessions.Length);
        foreach (var session in sessions)
        {
            var expected = TheLongWay(session.SessionKey, calls.Where(c => c.SessionKey == session.SessionKey).ToList());
            Assert.Equal(Describe(expected), Describe(session));
        }
    }

    [Fact]
    public void Add_ManyCallsWithTheSameFields_KeepsOnlyTheEarliestAsSupplier()
    {
        // Given a session whose 1,000 calls all carry every field, arriving latest first
        var accumulator = new SessionAccumulator();
        for (var i = 999; i >= 0; i--)
        {
            accumulator.Add(Some.RoleCall("ASIAACC0000000000001", "444444444444", "R", "s", Some.At(0), Some.At(1, i)) with { SourceIp = "198.51.100." + (i % 250).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        // When
        var session = Assert.Single(accumulator.ToSessions());

        // Then the fields are the earliest call's, and the totals cover all of them
        Assert.Equal("198.51.100.0", session.SourceIp);
        Assert.Equal(1000, session.CallCount);
        Assert.Equal(Some.At(1, 0), session.FirstSeen);
        Assert.Equal(Some.At(1, 999), session.LastSeen);
        Assert.Equal(1000, session.ModelCounts[Some.Model]);
    }

    [Fact]
    public void Aggregate_ManyCallsOnTwoThreads_GivesWhatOneAccumulatorGives()
    {
        // Given more calls than Aggregate splits across two threads, shuffled, 1-4 per session
        var random = new Random(5);
        var calls = new List<BedrockCall>();
        for (var s = 0; calls.Count < SessionOrder.ParallelFrom + 1000; s++)
        {
            var key = "ASIAPAR" + s.ToString("D13", System.Globalization.CultureInfo.InvariantCulture);
            for (var c = random.Next(1, 5); c > 0; c--)
            {
                calls.Add(CallWithGaps(random, key, s % 500, c));
            }
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(calls));
        var one = new SessionAccumulator();
        calls.ForEach(one.Add);

        // When
        var split = ObservedSession.Aggregate(calls);

        // Then
        Assert.Equal(one.ToSessions().Select(Describe), split.Select(Describe));
    }

    private static BedrockCall CallWithGaps(Random random, string key, int session, int call)
    {
        string? Maybe(string value) => random.Next(4) switch { 0 => null, 1 => string.Empty, _ => value + call.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var at = Some.At(session, random.Next(3)); // equal times: the event id decides
        return new BedrockCall
        {
            EventId = "e" + random.Next(1000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-" + call.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EventTime = at,
            EventSource = "bedrock.amazonaws.com",
            EventName = random.Next(2) == 0 ? "InvokeModel" : "Converse",
            ModelId = random.Next(3) == 0 ? null : "model-" + random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture),
            SessionKey = key,
            AccessKeyId = Maybe("ASIA"),
            AccountId = Maybe("4444"),
            PrincipalType = Maybe("AssumedRole"),
            PrincipalId = Maybe("AROA:"),
            PrincipalArn = Maybe("arn:"),
            PrincipalAccountId = Maybe("1111"),
            UserName = Maybe("user"),
            SessionIssuerType = Maybe("Role"),
            SessionIssuerArn = Maybe("arn:role"),
            SessionName = Maybe("name"),
            SessionCreated = random.Next(3) == 0 ? null : Some.At(0, call),
            SourceIdentity = Maybe("source"),
            OnBehalfOfUserId = Maybe("user-id"),
            IdentityStoreArn = Maybe("arn:store"),
            InvokedBy = Maybe("service"),
            Ec2RoleDelivery = Maybe("2.0"),
            InScopeOf = Maybe("scope"),
            CallWithBearerToken = random.Next(5) == 0 ? true : null,
            SourceIp = Maybe("192.0.2."),
            UserAgent = Maybe("agent/"),
            SourceObject = "test",
        };
    }

    private static ObservedSession TheLongWay(string key, List<BedrockCall> calls)
    {
        var sorted = calls.OrderBy(c => c.EventTime).ThenBy(c => c.EventId, StringComparer.Ordinal).ToList();
        string? First(Func<BedrockCall, string?> field) => sorted.Select(field).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return new ObservedSession
        {
            SessionKey = key,
            AccessKeyId = First(c => c.AccessKeyId),
            AccountId = First(c => c.AccountId),
            PrincipalType = First(c => c.PrincipalType),
            PrincipalId = First(c => c.PrincipalId),
            PrincipalArn = First(c => c.PrincipalArn),
            PrincipalAccountId = First(c => c.PrincipalAccountId),
            UserName = First(c => c.UserName),
            SessionIssuerType = First(c => c.SessionIssuerType),
            SessionIssuerArn = First(c => c.SessionIssuerArn),
            SessionName = First(c => c.SessionName),
            SessionCreated = sorted.FirstOrDefault(c => c.SessionCreated.HasValue)?.SessionCreated,
            SourceIdentity = First(c => c.SourceIdentity),
            OnBehalfOfUserId = First(c => c.OnBehalfOfUserId),
            IdentityStoreArn = First(c => c.IdentityStoreArn),
            InvokedBy = First(c => c.InvokedBy),
            Ec2RoleDelivery = First(c => c.Ec2RoleDelivery),
            InScopeOf = First(c => c.InScopeOf),
            CallWithBearerToken = sorted.Any(c => c.CallWithBearerToken == true),
            SourceIp = First(c => c.SourceIp),
            UserAgent = First(c => c.UserAgent),
            FirstSeen = sorted[0].EventTime,
            LastSeen = sorted[^1].EventTime,
            CallCount = sorted.Count,
            ModelCounts = sorted.GroupBy(c => c.ModelId ?? c.EventName).ToDictionary(g => g.Key, g => g.Count()),
        };
    }

    private static string Describe(ObservedSession session) =>
        (session with { ModelCounts = new Dictionary<string, int>() }).ToString()
        + " models " + string.Join(",", session.ModelCounts.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}"));
}
