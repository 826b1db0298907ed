using BedrockTrail.Resolve.Credentials;
using BedrockTrail.Resolve.Sessions;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// The key links of one resolution, looked up once: which issuance issued each session's key and each issuing
/// call's caller key, which session uses each issued key, and how often each issued key's walk can be asked for.
/// With millions of keys every table lookup is a cache miss; the walker reads these arrays instead of asking the
/// key tables again at every hop.
/// </summary>
internal sealed class KeyLinks
{
    /// <summary>Not issued by exactly one call (no key, or several calls claim it): the walker asks its key table.</summary>
    public const int NoSingleIssuer = -1;

    /// <summary>A key no call issued (IAM users' keys, keys issued before the window): the walker need not ask the key table.</summary>
    public const int NoIssuer = -2;

    /// <summary>A walk asked for at most once: it has no slot in the walker's memo.</summary>
    public const int NotRemembered = -1;

    private readonly CredentialIndex _index;

    /// <summary>Sessions whose key no single call issued (IAM users' keys, keys issued before the window), first per key.</summary>
    private readonly Dictionary<string, ObservedSession> _byOtherKey;

    private KeyLinks(CredentialIndex index, int[] sessionIssuance, int[] callerIssuance, ObservedSession?[] sessionOf, Dictionary<string, ObservedSession> byOtherKey, int[] memoSlot, int memoSlots)
    {
        _index = index;
        _byOtherKey = byOtherKey;
        SessionIssuance = sessionIssuance;
        CallerIssuance = callerIssuance;
        SessionOf = sessionOf;
        MemoSlot = memoSlot;
        MemoSlots = memoSlots;
    }

    /// <summary>Per session (in the order given), the ordinal of the one issuance of its access key, else <see cref="NoIssuer"/> or <see cref="NoSingleIssuer"/>.</summary>
    public int[] SessionIssuance { get; }

    /// <summary>Per issuance ordinal, the ordinal of the one issuance of its caller's access key, else <see cref="NoIssuer"/> or <see cref="NoSingleIssuer"/>.</summary>
    public int[] CallerIssuance { get; }

    /// <summary>Per issuance ordinal, the first session (in the order given) using the key it issued.</summary>
    public ObservedSession?[] SessionOf { get; }

    /// <summary>
    /// Per issuance ordinal, where the walker remembers the walk of the key it issued (0 … <see cref="MemoSlots"/>-1),
    /// or <see cref="NotRemembered"/> when that walk is asked for at most once. A walk asked for once need not be
    /// remembered: in a bulk run nearly every session's
    /// chain is its own, and remembering every hop of a million chains kept millions of links alive for nothing.
    /// Walks that can be asked for twice are remembered as before, so rows are the same either way; a cycle always
    /// has a key asked for twice (the way in and the way back), so the in-progress marker still catches it.
    /// </summary>
    /// <remarks>
    /// The walker asks for a key's walk once per Bedrock session with that access key, and once each time an
    /// issuance whose caller used that key is followed. An issuance is followed once per walk of the key it issued
    /// when that key is claimed (a session or a caller uses it: the console fallback then never picks it, see
    /// <see cref="IssuerLookup"/>); otherwise the fallback may find it from any number of sessions: it counts twice.
    /// </remarks>
    public int[] MemoSlot { get; }

    /// <summary>How many walks can be asked for more than once (the walker's memo size).</summary>
    public int MemoSlots { get; }

    public static KeyLinks Build(IReadOnlyCollection<ObservedSession> sessions, CredentialIndex index)
    {
        var issuances = index.Issuances;
        var sessionIssuance = new int[sessions.Count];
        var callerIssuance = new int[issuances.Count];
        var sessionOf = new ObservedSession?[issuances.Count];

        // The callers' keys are looked up on another thread while this one looks up the sessions' and then the last
        // callers', so both threads do about as many lookups (the index is only read; each writes its own range).
        var callers = Task.CompletedTask;
        var split = issuances.Count;
        if (issuances.Count < ParallelFrom)
        {
            LookUpCallers(index, callerIssuance, 0, issuances.Count);
        }
        else
        {
            split = Math.Clamp((issuances.Count + sessions.Count) / 2, 0, issuances.Count);
            callers = Task.Run(() => LookUpCallers(index, callerIssuance, 0, split));
        }

        // Claimed: a session or an issuing call's caller uses the key (the ordinal's only key, by construction).
        var claimed = new byte[issuances.Count];
        var byOtherKey = new Dictionary<string, ObservedSession>(StringComparer.Ordinal);
        var i = 0;
        foreach (var session in sessions)
        {
            var ordinal = SoleIssuer(index, session.AccessKeyId);
            sessionIssuance[i++] = ordinal;
            if (ordinal >= 0)
            {
                claimed[ordinal] = Saturated(claimed[ordinal] + 1);
                sessionOf[ordinal] ??= session;
            }
            else if (!string.IsNullOrEmpty(session.AccessKeyId))
            {
                byOtherKey.TryAdd(session.AccessKeyId, session);
            }
        }

        LookUpCallers(index, callerIssuance, split, issuances.Count);
        callers.GetAwaiter().GetResult();
        foreach (var ordinal in callerIssuance)
        {
            if (ordinal >= 0)
            {
                claimed[ordinal] = Saturated(claimed[ordinal] + 1);
            }
        }

        // Requests: the sessions' (already in claimed), plus each caller key once per time its issuance is followed.
        var reuse = new byte[issuances.Count];
        foreach (var ordinal in sessionIssuance)
        {
            if (ordinal >= 0)
            {
                reuse[ordinal] = Saturated(reuse[ordinal] + 1);
            }
        }

        for (var n = 0; n < callerIssuance.Length; n++)
        {
            if (callerIssuance[n] is var ordinal and >= 0)
            {
                reuse[ordinal] = Saturated(reuse[ordinal] + (claimed[n] > 0 ? 1 : 2));
            }
        }

        // Only walks asked for twice or more get a slot: a million one-off chains need no memo at all.
        var memoSlot = new int[issuances.Count];
        var slots = 0;
        for (var n = 0; n < reuse.Length; n++)
        {
            memoSlot[n] = reuse[n] >= 2 ? slots++ : NotRemembered;
        }

        return new KeyLinks(index, sessionIssuance, callerIssuance, sessionOf, byOtherKey, memoSlot, slots);
    }

    /// <summary>The first session (in the order given) using this access key, else null.</summary>
    public ObservedSession? SessionUsing(string accessKeyId)
    {
        var ordinal = SoleIssuer(_index, accessKeyId);
        return ordinal >= 0 ? SessionOf[ordinal] : SessionUsingUnissued(accessKeyId);
    }

    /// <summary><see cref="SessionUsing"/> for a key known not to have exactly one issuer.</summary>
    public ObservedSession? SessionUsingUnissued(string accessKeyId) =>
        _byOtherKey.TryGetValue(accessKeyId, out var session) ? session : null;

    /// <summary>Below this many issuances, one thread looks up every key.</summary>
    private const int ParallelFrom = 65_536;

    private static void LookUpCallers(CredentialIndex index, int[] callerIssuance, int start, int end)
    {
        var issuances = index.Issuances;
        for (var n = start; n < end; n++)
        {
            callerIssuance[n] = SoleIssuer(index, issuances[n].Primary.CallerAccessKeyId);
        }
    }

    private static int SoleIssuer(CredentialIndex index, string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return NoSingleIssuer;
        }

        var byKey = index.ByIssuedKey(key);
        return byKey.Count switch
        {
            0 => NoIssuer,
            1 => byKey[0].Ordinal,
            _ => NoSingleIssuer,
        };
    }

    private static byte Saturated(int count) => (byte)Math.Min(2, count);
}
