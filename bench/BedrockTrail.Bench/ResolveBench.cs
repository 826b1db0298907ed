using System.Diagnostics;
using System.Globalization;
using BedrockTrail.Lake;
using BedrockTrail.Resolve.Credentials;
using BedrockTrail.Resolve.Provenance;
using BedrockTrail.Resolve.Sessions;

namespace BedrockTrail.Bench;

/// <summary>
/// Resolution alone, in memory: N sessions, each at the end of a three-hop cross-account role chain started by one
/// of a thousand IAM users (3N credential events). Times aggregation, indexing and resolution, not the data making.
/// Resolves as <c>resolve</c>/<c>ingest</c> do: rows only, without the hops only <c>trace</c> renders.
/// </summary>
internal static class ResolveBench
{
    /// <summary>Timed runs; the median is the figure (the machine is shared, and one slow spell is not the code).</summary>
    private const int Runs = 3;

    /// <summary>
    /// The median of <see cref="Runs"/> timed resolutions, after an untimed one of a tenth the size. The bench runs
    /// on the JIT, where the shipped binary is compiled ahead of time: without the warm-up, the first timed second
    /// runs the resolver's unoptimised first-tier code (the ingest runs have an untimed warm-up for the same reason).
    /// </summary>
    public static (TimeSpan Median, IReadOnlyList<TimeSpan> Runs, int Resolved, int Correct) Run(int sessions)
    {
        Once(Math.Max(1, sessions / 10), quiet: true);
        var runs = Enumerable.Range(0, Runs).Select(_ => Once(sessions, quiet: false)).ToList();
        var median = runs.OrderBy(r => r.Elapsed).ElementAt(Runs / 2);
        return (median.Elapsed, [.. runs.Select(r => r.Elapsed)], median.Resolved, median.Correct);
    }

    private static (TimeSpan Elapsed, int Resolved, int Correct) Once(int sessions, bool quiet)
    {
        var time = new DateTime(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);
        var events = new List<CredentialEvent>(sessions * 3);
        var calls = new List<BedrockCall>(sessions);
        for (var i = 0; i < sessions; i++)
        {
            var user = "u" + (i % 1000).ToString(CultureInfo.InvariantCulture);
            var userArn = "arn:aws:iam::111111111111:user/" + user;
            var parentKey = "AKIA" + (i % 1000).ToString("D16", CultureInfo.InvariantCulture);
            string? parentArn = userArn;
            var parentType = "IAMUser";
            for (var hop = 1; hop <= 3; hop++)
            {
                var key = "ASIA" + hop.ToString(CultureInfo.InvariantCulture) + i.ToString("D15", CultureInfo.InvariantCulture);
                var account = (111111111111L * (hop + 1)).ToString(CultureInfo.InvariantCulture)[..12];
                var sessionArn = $"arn:aws:sts::{account}:assumed-role/Hop{hop}/s{i}";
                events.Add(new CredentialEvent
                {
                    EventId = $"e{hop}-{i}",
                    EventTime = time,
                    EventSource = "sts.amazonaws.com",
                    EventName = "AssumeRole",
                    AccountId = account,
                    IssuedAccessKeyId = key,
                    IssuedArn = sessionArn,
                    IssuedPrincipalId = $"AROAHOP{hop}:s{i}",
                    RoleArn = $"arn:aws:iam::{account}:role/Hop{hop}",
                    RoleSessionName = "s" + i.ToString(CultureInfo.InvariantCulture),
                    CallerType = parentType,
                    CallerArn = parentArn,
                    CallerAccountId = "111111111111",
                    CallerAccessKeyId = parentKey,
                    SourceObject = "bench",
                });
                parentKey = key;
                parentArn = sessionArn;
                parentType = "AssumedRole";
            }

            calls.Add(new BedrockCall
            {
                EventId = "c" + i.ToString(CultureInfo.InvariantCulture),
                EventTime = time.AddMinutes(1),
                EventSource = "bedrock.amazonaws.com",
                EventName = "InvokeModel",
                AccountId = "444444444444",
                PrincipalType = "AssumedRole",
                PrincipalArn = parentArn,
                AccessKeyId = parentKey,
                SessionKey = parentKey,
                SessionIssuerArn = "arn:aws:iam::444444444444:role/Hop3",
                SessionName = "s" + i.ToString(CultureInfo.InvariantCulture),
                SourceObject = "bench",
            });
        }

        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        int[] gcBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var pauseBefore = GC.GetTotalPauseDuration();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var observed = ObservedSession.Aggregate(calls);
        var aggregated = clock.Elapsed;
        var allocatedAggregate = GC.GetTotalAllocatedBytes(precise: true);
        var index = CredentialIndex.Build(events);
        var indexed = clock.Elapsed;
        var allocatedIndex = GC.GetTotalAllocatedBytes(precise: true);
        var results = ProvenanceResolver.Resolve([.. observed], index, ResolverOptions.Default with { BuildHops = false });
        clock.Stop();
        process.Refresh();
        var allocatedResolve = GC.GetTotalAllocatedBytes(precise: true);
        const double MiB = 1024 * 1024;
        var cpu = process.TotalProcessorTime - cpuBefore;

        var correct = results.Count(r => r.Row.IdentityKind == IdentityKinds.IamUser && r.Row.Hops == 3);
        if (quiet)
        {
            return (clock.Elapsed, results.Count, correct);
        }

        // Wall time on a shared machine is noisy; the phase split and the process CPU time say where the cost is.
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  aggregate {aggregated.TotalSeconds:F2} s, index {(indexed - aggregated).TotalSeconds:F2} s, resolve {(clock.Elapsed - indexed).TotalSeconds:F2} s; CPU {cpu.TotalSeconds:F2} s; GCs gen0/1/2 {GC.CollectionCount(0) - gcBefore[0]}/{GC.CollectionCount(1) - gcBefore[1]}/{GC.CollectionCount(2) - gcBefore[2]}, paused {(GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds:F2} s"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  allocated: aggregate {(allocatedAggregate - allocatedBefore) / MiB:F0} MiB, index {(allocatedIndex - allocatedAggregate) / MiB:F0} MiB, resolve {(allocatedResolve - allocatedIndex) / MiB:F0} MiB"));
        return (clock.Elapsed, results.Count, correct);
    }
}
