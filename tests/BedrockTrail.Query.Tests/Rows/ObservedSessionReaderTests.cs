using System.Globalization;
using BedrockTrail.Lake;
using BedrockTrail.Normalise.LakeWriting;
using BedrockTrail.Query.Rows;
using BedrockTrail.Resolve.Sessions;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Query.Tests.Rows;

/// <summary>
/// The resolver's lake loader aggregates sessions in DuckDB; it must give exactly what
/// <see cref="ObservedSession.Aggregate"/> gives from the same calls read one by one.
/// </summary>
public sealed class ObservedSessionReaderTests
{
    private static readonly DateTime Start = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("true")]
    [InlineData("account_id = '111111111111'")]
    public async Task Read_VariedCallsOfManySessions_EqualsAggregateOfTheSameCalls(string where)
    {
        // Given calls of 60 sessions with fields present, missing or empty at random, tied event times, out of order
        using var folder = new TempFolder("sessions");
        var lake = new LakeLayout(folder.Path);
        await using (var run = await LakeIngestSession.OpenAsync(lake, "20250303T000000Z_000001", CancellationToken.None))
        {
            foreach (var call in VariedCalls(new Random(20250303), 400))
            {
                await run.AddAsync(call, CancellationToken.None);
            }

            await run.CommitAsync(CancellationToken.None);
        }

        // When the sessions are aggregated call by call and in DuckDB
        using var database = LakeDatabase.Open(lake);
        var expected = ObservedSession.Aggregate(LakeRowReader.BedrockCalls(database, where));
        var actual = ObservedSessionReader.Read(database, where)
            .OrderBy(s => s.SessionKey, StringComparer.Ordinal).ToList();

        // Then every session and every field is the same
        Assert.True(expected.Count > 10, $"only {expected.Count} sessions");
        Assert.Equal(expected.Select(s => s.SessionKey), actual.Select(s => s.SessionKey));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(Comparable(expected[i]), Comparable(actual[i]));
            Assert.Equal(expected[i].ModelCounts.ToList(), actual[i].ModelCounts.ToList());
        }

        Assert.Contains(expected, s => s.CallCount > 3);
        Assert.Contains(expected, s => s.CallCount == 1);
        Assert.Contains(expected, s => s.ModelCounts.Count > 1);
    }

    /// <summary>The session without its model counts (a dictionary compares by reference), as a record.</summary>
    private static ObservedSession Comparable(ObservedSession s) => s with { ModelCounts = EmptyCounts };

    private static readonly IReadOnlyDictionary<string, int> EmptyCounts = new Dictionary<string, int>();

    private static IEnumerable<BedrockCall> VariedCalls(Random rng, int count)
    {
        string? Maybe(string value) => rng.Next(4) switch
        {
            0 => null,
            1 => string.Empty,
            _ => value,
        };

        for (var i = 0; i < count; i++)
        {
            // 40 sessions share the first calls; each of the last 20 calls is a session of its own.
            var session = i < count - 20 ? rng.Next(40) : 100 + i;
            var key = "ASIAEQ" + session.ToString("D14", CultureInfo.InvariantCulture);
            var account = session % 3 == 0 ? "111111111111" : "222222222222";
            var n = i.ToString(CultureInfo.InvariantCulture);

            // Few distinct times, so several calls of a session tie on time and the event id decides.
            yield return new BedrockCall
            {
                EventId = rng.Next().ToString("x8", CultureInfo.InvariantCulture) + "-" + n,
                EventTime = Start.AddSeconds(rng.Next(6)),
                EventSource = "bedrock.amazonaws.com",
                EventName = rng.Next(3) == 0 ? "Converse" : "InvokeModel",
                AccountId = Maybe(account),
                ModelId = rng.Next(3) switch { 0 => null, 1 => "amazon.nova-pro-v1:0", _ => "anthropic.claude-3-haiku" },
                PrincipalType = Maybe("AssumedRole"),
                PrincipalId = Maybe("AROAEQ:s" + n),
                PrincipalArn = Maybe($"arn:aws:sts::{account}:assumed-role/R/s{n}"),
                PrincipalAccountId = Maybe(account),
                UserName = Maybe("u" + n),
                AccessKeyId = Maybe(key),
                SessionKey = key,
                SessionIssuerType = Maybe("Role"),
                SessionIssuerArn = Maybe($"arn:aws:iam::{account}:role/R{n}"),
                SessionName = Maybe("s" + n),
                SourceIdentity = Maybe("id" + n),
                OnBehalfOfUserId = Maybe("user-" + n),
                IdentityStoreArn = Maybe("arn:aws:identitystore::111111111111:identitystore/d-" + n),
                SessionCreated = rng.Next(3) == 0 ? null : Start.AddMinutes(-rng.Next(60)),
                Ec2RoleDelivery = Maybe("2.0"),
                InScopeOf = Maybe("lambda:f" + n),
                InvokedBy = Maybe("svc" + n + ".amazonaws.com"),
                CallWithBearerToken = rng.Next(3) switch { 0 => null, 1 => false, _ => rng.Next(8) == 0 },
                SourceIp = Maybe("192.0.2." + n),
                UserAgent = Maybe("agent/" + n),
                SourceObject = "file:///eq/" + n,
            };
        }
    }
}
