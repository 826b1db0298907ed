using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Sessions;

/// <summary>
/// One session (one <see cref="BedrockCall.SessionKey"/>) as the Bedrock calls show it: who it claims to be and what
/// it did. The resolver walks back from here; the trace prints its activity.
/// </summary>
public sealed record ObservedSession
{
    public required string SessionKey { get; init; }
    public string? AccessKeyId { get; init; }
    /// <summary>recipientAccountId of the session's first call.</summary>
    public string? AccountId { get; init; }
    public string? PrincipalType { get; init; }
    public string? PrincipalId { get; init; }
    public string? PrincipalArn { get; init; }
    public string? PrincipalAccountId { get; init; }
    public string? UserName { get; init; }
    public string? SessionIssuerType { get; init; }
    public string? SessionIssuerArn { get; init; }
    public string? SessionName { get; init; }
    public DateTime? SessionCreated { get; init; }
    public string? SourceIdentity { get; init; }
    public string? OnBehalfOfUserId { get; init; }
    public string? IdentityStoreArn { get; init; }
    public string? InvokedBy { get; init; }
    public string? Ec2RoleDelivery { get; init; }
    public string? InScopeOf { get; init; }
    public bool CallWithBearerToken { get; init; }
    /// <summary>Source IP and user agent of the first call (the trace prints where the session acted from).</summary>
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }
    public required DateTime FirstSeen { get; init; }
    public required DateTime LastSeen { get; init; }
    public required int CallCount { get; init; }
    /// <summary>Calls per model as called (event name where no model is named), for the trace.</summary>
    public required IReadOnlyDictionary<string, int> ModelCounts { get; init; }

    /// <summary>
    /// Groups calls by session key, in any order. Fields come from the earliest call that has them: CloudTrail leaves
    /// fields out now and then, and a session's identity does not change between its calls.
    /// </summary>
    public static IReadOnlyList<ObservedSession> Aggregate(IEnumerable<BedrockCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (calls is IReadOnlyList<BedrockCall> { Count: >= SessionOrder.ParallelFrom } many)
        {
            // Many calls: two threads, each aggregating the sessions whose key ends in an even or an odd character
            // (a session's calls all fall to one), then the two ordered halves are merged: the same sessions in the
            // same order as one thread gives.
            var odd = Task.Run(() => AggregatePart(many, 1));
            var even = AggregatePart(many, 0);
            return SessionOrder.Merge(even, odd.GetAwaiter().GetResult());
        }

        return AggregatePart(calls, part: -1);
    }

    /// <param name="part">0 or 1: only sessions whose key's last character is even or odd; -1: all.</param>
    private static ObservedSession[] AggregatePart(IEnumerable<BedrockCall> calls, int part)
    {
        var sessions = new SessionAccumulator(calls.TryGetNonEnumeratedCount(out var count) ? (part < 0 ? count : count / 2) : 0);
        foreach (var call in calls)
        {
            if (call is not null && (part < 0 || PartOf(call.SessionKey) == part))
            {
                sessions.Add(call);
            }
        }

        return sessions.ToSessions();
    }

    private static int PartOf(string key) => key.Length == 0 ? 0 : key[^1] & 1;

    /// <summary>
    /// <see cref="ModelCounts"/> from per-model counts aggregated elsewhere (the lake loader counts in DuckDB): the
    /// same ordinal model order <see cref="Aggregate"/> gives.
    /// </summary>
    public static IReadOnlyDictionary<string, int> ModelCountsFrom(IEnumerable<KeyValuePair<string, int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return ModelCountMap.From(counts);
    }
}
