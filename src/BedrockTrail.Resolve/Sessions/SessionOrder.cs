namespace BedrockTrail.Resolve.Sessions;

/// <summary>
/// Orders sessions by session key (ordinal). Keys are unique, so the order is the same however it is reached: a
/// large list is sorted as two halves on two threads and merged, which halves the wall time of sorting a million.
/// </summary>
internal static class SessionOrder
{
    /// <summary>Below this, one thread sorts: the second one would cost more than it saves.</summary>
    public const int ParallelFrom = 65_536;

    private static readonly Comparison<ObservedSession> ByKey = static (a, b) => string.CompareOrdinal(a.SessionKey, b.SessionKey);

    public static ObservedSession[] Sort(List<ObservedSession> sessions)
    {
        var all = sessions.ToArray();
        if (all.Length < ParallelFrom)
        {
            Array.Sort(all, ByKey);
            return all;
        }

        var half = all.Length / 2;
        var firstHalf = Task.Run(() => all.AsSpan(0, half).Sort(ByKey));
        all.AsSpan(half).Sort(ByKey);
        firstHalf.GetAwaiter().GetResult();
        return Merge(all.AsSpan(0, half), all.AsSpan(half));
    }

    /// <summary>One ordered array from two ordered runs.</summary>
    public static ObservedSession[] Merge(ReadOnlySpan<ObservedSession> first, ReadOnlySpan<ObservedSession> second)
    {
        var merged = new ObservedSession[first.Length + second.Length];
        int a = 0, b = 0, at = 0;
        while (a < first.Length && b < second.Length)
        {
            merged[at++] = ByKey(first[a], second[b]) <= 0 ? first[a++] : second[b++];
        }

        first[a..].CopyTo(merged.AsSpan(at));
        second[b..].CopyTo(merged.AsSpan(at + first.Length - a));
        return merged;
    }
}
