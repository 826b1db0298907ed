namespace BedrockTrail.Resolve.Sessions;

/// <summary>
/// Orders sessions by session key (ordinal). Keys are unique, so the order is the same however it is reached: a
/// large list is sorted as two halves on two threads and merged, which halves the wall time of sorting a million.
/// </summary>
internal static class SessionOrder
{
    /// <summary>Below this, one thread sorts: the second one would cost more than it saves.</summary>
    private const int ParallelFrom = 65_536;

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
        return Merge(all, half);
    }

    private static ObservedSession[] Merge(ObservedSession[] halves, int half)
    {
        var merged = new ObservedSession[halves.Length];
        int a = 0, b = half, at = 0;
        while (a < half && b < halves.Length)
        {
            merged[at++] = ByKey(halves[a], halves[b]) <= 0 ? halves[a++] : halves[b++];
        }

        Array.Copy(halves, a, merged, at, half - a);
        at += half - a;
        Array.Copy(halves, b, merged, at, halves.Length - b);
        return merged;
    }
}
