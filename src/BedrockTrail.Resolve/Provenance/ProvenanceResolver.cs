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
    /// <summary>Resolves every session. The result is in the sessions' order.</summary>
    public static IReadOnlyList<SessionResolution> Resolve(IReadOnlyCollection<ObservedSession> sessions, CredentialIndex index, ResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        var byKey = new Dictionary<string, ObservedSession>(sessions.Count, StringComparer.Ordinal);
        var ingested = options.IngestedAccounts is { } explicitAccounts
            ? new HashSet<string>(explicitAccounts, StringComparer.Ordinal)
            : new HashSet<string>(index.Accounts, StringComparer.Ordinal);
        foreach (var session in sessions)
        {
            if (session.AccessKeyId is { Length: > 0 } key)
            {
                byKey.TryAdd(key, session);
            }

            if (options.IngestedAccounts is null && session.AccountId is { Length: > 0 } account)
            {
                ingested.Add(account);
            }
        }

        var links = KeyLinks.Build(sessions, index);
        var walker = new ChainWalker(new IssuerLookup(index, byKey, options.ConsoleLinkTolerance), ingested, byKey, links, options);
        var rows = new IdentityRowBuilder();
        var results = new List<SessionResolution>(sessions.Count);
        var i = 0;
        foreach (var session in sessions)
        {
            var walk = walker.Walk(session, links.SessionIssuance[i++]);
            results.Add(new SessionResolution(rows.Build(session, walk), walk.Hops, session));
        }

        return results;
    }

    /// <summary>Convenience for callers holding lake rows: aggregates sessions, indexes events, resolves.</summary>
    public static IReadOnlyList<SessionResolution> Resolve(IEnumerable<BedrockCall> calls, IEnumerable<CredentialEvent> events, ResolverOptions options)
    {
        var sessions = ObservedSession.Aggregate(calls);
        return Resolve([.. sessions], CredentialIndex.Build(events), options);
    }
}
