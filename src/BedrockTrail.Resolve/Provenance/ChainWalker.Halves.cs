namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// What lets a second walker take the second half of the sessions on another thread (see
/// <see cref="ProvenanceResolver"/>): one walker over all sessions reuses the walks the first half remembered, and a
/// remembered walk is the one its first asker made (a cycle or the depth limit cut it where that walk began; the
/// asker's own fields fill its hop). So the second half's rows are the same only if every walk both walkers
/// remembered is the same, and the second walker made no walk that the one walker would have made later from
/// another asker. Both are checked after the fact; when either fails, the second half is walked again by the first
/// walker, as one walker would have.
/// </summary>
internal sealed partial class ChainWalker
{
    /// <summary>The remembered walks this walker started, in order, with the one each started inside (null: not tracked).</summary>
    private List<MemoStart>? _starts;

    /// <summary>The index in <see cref="_starts"/> of the remembered walk under way (-1: none).</summary>
    private int _open = -1;

    /// <summary>Whether some walk was cut by a cycle or the depth limit: where such a cut falls depends on where the walk began.</summary>
    public bool CutByContext { get; private set; }

    /// <summary>Records the remembered walks this walker starts, for <see cref="CanFollow"/>.</summary>
    public void TrackRememberedWalks() => _starts = [];

    /// <summary>
    /// Whether this walker's walks (made from an empty memo, tracked) are those a walker continuing from
    /// <paramref name="first"/>'s memo would have made.
    /// </summary>
    public bool CanFollow(ChainWalker first)
    {
        if (_starts is not { } starts || CutByContext)
        {
            return false;
        }

        // Inside[i]: a walk the first walker remembered is under way at start i (itself or one it started inside).
        var inside = new bool[starts.Count];
        for (var i = 0; i < starts.Count; i++)
        {
            var start = starts[i];
            var known = first.Remembered(start);
            if (known.Last is not null)
            {
                // The one walker would have reused the first walker's walk: it must be this one.
                if (!SameWalk(known, Remembered(start)))
                {
                    return false;
                }

                inside[i] = true;
            }
            else if (start.Enclosing >= 0 && inside[start.Enclosing])
            {
                // Started only because a walk the one walker reuses was made again here: the one walker would make
                // this one later, from another asker.
                return false;
            }
        }

        return true;
    }

    private int Open(int slot, string? key)
    {
        var enclosing = _open;
        if (_starts is { } starts)
        {
            starts.Add(new MemoStart(slot, key, enclosing));
            _open = starts.Count - 1;
        }

        return enclosing;
    }

    private ChainWalk CutInCycle(in PrincipalNode node)
    {
        CutByContext = true;
        return Cut(node, null, EvidenceWords.MissingIssuer);
    }

    private ChainWalk Remembered(MemoStart start) =>
        start.Key is null ? _walkByIssuance[start.Slot]
        : _memo.TryGetValue(start.Key, out var walk) ? walk
        : default;

    /// <summary>Same outcome, root and hops field by field (what a row or a trace reads).</summary>
    private static bool SameWalk(ChainWalk a, ChainWalk b)
    {
        if (a.Outcome != b.Outcome || !Equals(a.Root, b.Root))
        {
            return false;
        }

        var (x, y) = (a.Last, b.Last);
        for (; x is not null && y is not null; (x, y) = (x.Above, y.Above))
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (!string.Equals(x.Label, y.Label, StringComparison.Ordinal) || !string.Equals(x.Arn, y.Arn, StringComparison.Ordinal)
                || !string.Equals(x.SessionIssuerArn, y.SessionIssuerArn, StringComparison.Ordinal)
                || !string.Equals(x.AccountId, y.AccountId, StringComparison.Ordinal)
                || !string.Equals(x.SourceIdentity, y.SourceIdentity, StringComparison.Ordinal)
                || !string.Equals(x.LinkEvidence, y.LinkEvidence, StringComparison.Ordinal) || !Equals(x.Full, y.Full))
            {
                return false;
            }
        }

        return x is null && y is null;
    }

    /// <summary>A remembered walk: its memo slot, or its key when it has none; and the one under way when it began.</summary>
    private readonly record struct MemoStart(int Slot, string? Key, int Enclosing);
}
