using BedrockTrail.Lake;
using BedrockTrail.Resolve.Credentials;
using BedrockTrail.Resolve.Sessions;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// Answers "who, really, is behind this session?" for every session seen in <c>bedrock_calls</c>: walks each access
/// key back through the calls that issued it to a person, workload, IAM user or root user, and says how sure it is.
/// Pure: the same sessions and events always give the same rows. A wrong name is worse than none, so the resolver
/// never guesses between candidates and never joins on a session name alone when a key is available.
/// </summary>
public static class ProvenanceResolver
{
    /// <summary>
    /// Resolves every session. The result is in the sessions' order. A large bulk resolution (no hops) walks the
    /// two halves of the sessions on two threads; the rows are those of one walk through all sessions.
    /// </summary>
    public static IReadOnlyList<SessionResolution> Resolve(IReadOnlyCollection<ObservedSession> sessions, CredentialIndex index, ResolverOptions options) =>
        Resolve(sessions, index, options, BatchSize);

    /// <summary>Sessions walked per batch while the previous batch's rows are built.</summary>
    internal const int BatchSize = 8192;

    /// <summary>From this many sessions, bulk resolution walks the two halves on two threads (smaller lakes: one thread).</summary>
    internal const int HalvesFrom = 50_000;

    /// <summary>
    /// <see cref="Resolve(IReadOnlyCollection{ObservedSession}, CredentialIndex, ResolverOptions)"/> with another batch
    /// size, and another size from which bulk resolution is split in halves (tests).
    /// </summary>
    internal static SessionResolution[] Resolve(IReadOnlyCollection<ObservedSession> sessions, CredentialIndex index, ResolverOptions options, int batchSize, int halvesFrom = HalvesFrom)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        var ingested = options.IngestedAccounts is { } explicitAccounts
            ? new HashSet<string>(explicitAccounts, StringComparer.Ordinal)
            : new HashSet<string>(index.Accounts, StringComparer.Ordinal);
        if (options.IngestedAccounts is null)
        {
            foreach (var session in sessions)
            {
                if (session.AccountId is { Length: > 0 } account)
                {
                    ingested.Add(account);
                }
            }
        }

        var links = KeyLinks.Build(sessions, index);
        var list = sessions as IReadOnlyList<ObservedSession> ?? [.. sessions];
        ChainWalker NewWalker() => new(new IssuerLookup(index, links, options.ConsoleLinkTolerance), ingested, links, options);
        return !options.BuildHops && list.Count >= Math.Max(2, halvesFrom)
            ? InHalves(list, NewWalker(), NewWalker(), links)
            : WalkThenBuild(list, NewWalker(), links, batchSize);
    }

    /// <summary>
    /// Walks and builds the first half of the sessions on this thread and the second half on another, each walker
    /// with its own memo. The rows must be those of one walker going through all sessions in order: the second
    /// walker checks that its walks are the ones that walker would have reused or made (see
    /// <see cref="ChainWalker.CanFollow"/>); when not (cycles, the depth limit, a shared parent seen differently), the
    /// first walker walks the second half again after its own, which is exactly the one-walker order.
    /// </summary>
    private static SessionResolution[] InHalves(IReadOnlyList<ObservedSession> sessions, ChainWalker first, ChainWalker second, KeyLinks links)
    {
        var results = new SessionResolution[sessions.Count];
        var half = sessions.Count / 2;
        second.TrackRememberedWalks();
        var secondHalf = Task.Run(() => WalkAndBuild(sessions, results, second, links, half, sessions.Count));
        WalkAndBuild(sessions, results, first, links, 0, half);
        secondHalf.GetAwaiter().GetResult();
        if (!second.CanFollow(first))
        {
            WalkAndBuild(sessions, results, first, links, half, sessions.Count);
        }

        return results;
    }

    private static void WalkAndBuild(IReadOnlyList<ObservedSession> sessions, SessionResolution[] results, ChainWalker walker, KeyLinks links, int start, int end)
    {
        var rows = new IdentityRowBuilder();
        for (var i = start; i < end; i++)
        {
            var session = sessions[i];
            var walk = walker.Walk(session, links.SessionIssuance[i]);
            results[i] = new SessionResolution(rows.Build(session, walk), walk.Hops, session);
        }
    }

    /// <summary>
    /// Walks the sessions in order on this thread while another builds the rows of the batch walked before. The
    /// walks share a memo, so they stay in one ordered sequence (the rows are the same as resolving one session
    /// after another); building a row reads only its session and its walk, whose links are never changed, so it
    /// can run beside the next batch's walks. One row builder, one batch at a time: it needs no locks.
    /// </summary>
    private static SessionResolution[] WalkThenBuild(IReadOnlyList<ObservedSession> sessions, ChainWalker walker, KeyLinks links, int batchSize)
    {
        var rows = new IdentityRowBuilder();
        var results = new SessionResolution[sessions.Count];
        ChainWalk[][] buffers = [new ChainWalk[Math.Min(batchSize, sessions.Count)], new ChainWalk[Math.Min(batchSize, sessions.Count)]];
        var building = Task.CompletedTask;
        for (var (start, batch) = (0, 0); start < sessions.Count; batch++)
        {
            var end = (int)Math.Min(sessions.Count, (long)start + batchSize);
            var walks = buffers[batch & 1];
            for (var i = start; i < end; i++)
            {
                walks[i - start] = walker.Walk(sessions[i], links.SessionIssuance[i]);
            }

            // The batch before last used this buffer; it finished before the previous batch started building.
            building.GetAwaiter().GetResult();
            if (start == 0 && end == sessions.Count)
            {
                // One batch: nothing to overlap with.
                BuildRows(sessions, results, walks, rows, start, end);
            }
            else
            {
                var from = start;
                building = Task.Run(() => BuildRows(sessions, results, walks, rows, from, end));
            }

            start = end;
        }

        building.GetAwaiter().GetResult();
        return results;
    }

    private static void BuildRows(IReadOnlyList<ObservedSession> sessions, SessionResolution[] results, ChainWalk[] walks, IdentityRowBuilder rows, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var session = sessions[i];
            var walk = walks[i - start];
            results[i] = new SessionResolution(rows.Build(session, walk), walk.Hops, session);
            walks[i - start] = default;
        }
    }

    /// <summary>Convenience for callers holding lake rows: aggregates sessions, indexes events, resolves.</summary>
    public static IReadOnlyList<SessionResolution> Resolve(IEnumerable<BedrockCall> calls, IEnumerable<CredentialEvent> events, ResolverOptions options)
    {
        var sessions = ObservedSession.Aggregate(calls);
        return Resolve([.. sessions], CredentialIndex.Build(events), options);
    }
}
