using System.Runtime.InteropServices;
using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Credentials;

/// <summary>
/// One part of a <see cref="CredentialIndex"/> under construction. A large index is built in two parts on two
/// threads, each owning the copy groups (and so the event ids) and issued keys that fall to it (<see cref="PartOf"/>), so no
/// table is shared and no step depends on which thread runs first: each key is handled by one part, which sees the
/// events in input order, exactly as one builder would.
/// </summary>
internal sealed class IndexPart(int part, int parts, List<CredentialEvent> events)
{
    /// <summary>This part's position (0 or 1); the parts' issuances are numbered in this order.</summary>
    public int Index => part;

    public HashSet<string> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>The issuances of this part's copy groups; numbered after every part has made its own.</summary>
    public List<CredentialIssuance> Issuances { get; } = new(Capacity(events.Count, parts));

    /// <summary>
    /// Per issuance of this part, the part its issued key falls to (Identity Center's calls: the first part; none:
    /// <see cref="NotIndexed"/>), so that each part then reads only the issuances it indexes.
    /// </summary>
    private readonly List<byte> _keyPart = new(Capacity(events.Count, parts));

    private const byte NotIndexed = byte.MaxValue;

    /// <summary>This part's issued access keys.</summary>
    public Dictionary<string, IssuanceList> ByKey { get; } = new(Capacity(events.Count, parts), StringComparer.Ordinal);

    /// <summary>Identity Center GetRoleCredentials calls (a handful: the first part indexes them all).</summary>
    public Dictionary<string, IssuanceList> RoleCredentials { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int Failed { get; private set; }

    public int Duplicates { get; private set; }

    /// <summary>
    /// The part a key falls to: from its last two characters (ids and access keys end in random-looking characters,
    /// so the parts come out even). A skewed input only makes one part larger, never a different index.
    /// </summary>
    public static int PartOf(string? key, int parts) =>
        parts == 1 || string.IsNullOrEmpty(key) ? 0 : (key[^1] ^ (key.Length > 1 ? key[^2] >> 1 : 0)) & 1;

    /// <summary>
    /// The part each event's copy key falls to (<see cref="NotIndexed"/> for a null), read once on two threads so
    /// that each part then touches only its own events: reading every event in both parts doubled the memory reads
    /// of the index's largest step.
    /// </summary>
    public static byte[] Partition(List<CredentialEvent> events)
    {
        var partOf = new byte[events.Count];
        void Mark(int start, int end)
        {
            var all = CollectionsMarshal.AsSpan(events);
            for (var i = start; i < end; i++)
            {
                partOf[i] = all[i] is { } e ? (byte)PartOf(CopyKey.Of(e).Id, 2) : NotIndexed;
            }
        }

        var half = events.Count / 2;
        var second = Task.Run(() => Mark(half, events.Count));
        Mark(0, half);
        second.GetAwaiter().GetResult();
        return partOf;
    }

    /// <summary>
    /// Merges the copies of each call whose copy key falls to this part (copies share sharedEventID, else requestID;
    /// an event with neither is its own group, keyed by its event id). Failed calls are dropped, and an event id seen
    /// twice (the same file ingested under two trails) counts once: the copy with the richest caller, first on a tie.
    /// Duplicates carry the same copy key, so they meet in one group: one table for both steps, not one each (with
    /// millions of events, each table is a cache miss per event).
    /// </summary>
    /// <param name="partOf">Per event, its part (<see cref="Partition"/>); null when there is one part.</param>
    public void Group(byte[]? partOf)
    {
        // Keyed by the id alone (the fast ordinal string table); the rare id shared by two kinds of key (a request
        // id equal to some event id, or one request logged under two event names) goes to a table by whole key.
        var groups = new Dictionary<string, CopyGroup>(Capacity(events.Count, parts), StringComparer.Ordinal);
        Dictionary<CopyKey, CopyGroup>? others = null;
        string? lastAccount = null;
        var all = CollectionsMarshal.AsSpan(events);
        for (var i = 0; i < all.Length; i++)
        {
            if (partOf is not null ? partOf[i] != part : all[i] is null)
            {
                continue;
            }

            var e = all[i];

            // Consecutive events mostly share their account's one string: the set is asked only when it changes.
            if (!string.IsNullOrEmpty(e.AccountId) && !ReferenceEquals(e.AccountId, lastAccount))
            {
                Accounts.Add(e.AccountId);
                lastAccount = e.AccountId;
            }

            if (!string.IsNullOrEmpty(e.ErrorCode))
            {
                Failed++;
                continue;
            }

            var key = CopyKey.Of(e);
            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, key.Id, out var exists);
            if (exists && CopyKey.Of(group.First) != key)
            {
                others ??= [];
                group = ref CollectionsMarshal.GetValueRefOrAddDefault(others, key, out exists);
            }

            if (!exists)
            {
                group.First = e;
            }
            else if (group.ReplaceDuplicate(e))
            {
                Duplicates++;
            }
            else
            {
                group.All ??= [group.First];
                group.All.Add(e);
            }
        }

        foreach (var group in groups.Values)
        {
            AddGroup(group);
        }

        foreach (var group in others?.Values ?? Enumerable.Empty<CopyGroup>())
        {
            AddGroup(group);
        }
    }

    private void AddGroup(CopyGroup group)
    {
        if (group.All is { } copies)
        {
            // Input order must not decide which copy speaks for the call.
            copies.Sort(static (a, b) => a.EventTime != b.EventTime ? a.EventTime.CompareTo(b.EventTime) : string.CompareOrdinal(a.EventId, b.EventId));
            Add(CredentialIssuance.Merge(copies));
        }
        else
        {
            Add(CredentialIssuance.Single(group.First));
        }
    }

    private void Add(CredentialIssuance issuance)
    {
        Issuances.Add(issuance);
        _keyPart.Add(issuance.EventName == "GetRoleCredentials" ? (byte)0
            : issuance.IssuedAccessKeyId is { } key ? (byte)PartOf(key, parts)
            : NotIndexed);
    }

    /// <summary>Numbers this part's issuances from <paramref name="first"/> (the parts before it hold the lower ordinals).</summary>
    public void Number(int first)
    {
        var issuances = CollectionsMarshal.AsSpan(Issuances);
        for (var i = 0; i < issuances.Length; i++)
        {
            issuances[i].Ordinal = first + i;
        }
    }

    /// <summary>Indexes the issued keys that fall to this part (and, in the first part, Identity Center's calls), from every part's issuances.</summary>
    public void IndexKeys(IndexPart[] all)
    {
        foreach (var other in all)
        {
            var issuances = CollectionsMarshal.AsSpan(other.Issuances);
            var keyParts = CollectionsMarshal.AsSpan(other._keyPart);
            for (var i = 0; i < issuances.Length; i++)
            {
                if (keyParts[i] != part)
                {
                    continue;
                }

                var issuance = issuances[i];
                if (issuance.EventName == "GetRoleCredentials")
                {
                    if (issuance.TargetAccountId is { Length: > 0 } account && issuance.TargetRoleName is { Length: > 0 } permissionSet)
                    {
                        CredentialIndex.Append(RoleCredentials, account + "|" + permissionSet, issuance);
                    }
                }
                else if (!CredentialIndex.DescribesItself(issuance))
                {
                    CredentialIndex.Append(ByKey, issuance.IssuedAccessKeyId!, issuance);
                }
            }
        }
    }

    private static int Capacity(int events, int parts) => parts == 1 ? events : events / parts + events / 16;

    /// <summary>What makes copies of one call one call: sharedEventID, else event name and requestID, else the event id.</summary>
    private readonly record struct CopyKey(char Kind, string Id, string? EventName)
    {
        public static CopyKey Of(CredentialEvent e) =>
            !string.IsNullOrEmpty(e.SharedEventId) ? new CopyKey('s', e.SharedEventId, null)
            : !string.IsNullOrEmpty(e.RequestId) ? new CopyKey('r', e.RequestId, e.EventName)
            : new CopyKey('e', e.EventId, null);
    }

    /// <summary>The copies of one call; a list only when there is more than one.</summary>
    private struct CopyGroup
    {
        public CredentialEvent First;
        public List<CredentialEvent>? All;

        /// <summary>
        /// True if the group already holds <paramref name="e"/>'s event id; the richer caller of the two is kept
        /// (the one held on a tie).
        /// </summary>
        public bool ReplaceDuplicate(CredentialEvent e)
        {
            if (All is null)
            {
                if (!string.Equals(First.EventId, e.EventId, StringComparison.Ordinal))
                {
                    return false;
                }

                if (CredentialIssuance.CallerRichness(e) > CredentialIssuance.CallerRichness(First))
                {
                    First = e;
                }

                return true;
            }

            for (var i = 0; i < All.Count; i++)
            {
                if (string.Equals(All[i].EventId, e.EventId, StringComparison.Ordinal))
                {
                    if (CredentialIssuance.CallerRichness(e) > CredentialIssuance.CallerRichness(All[i]))
                    {
                        All[i] = e;
                    }

                    return true;
                }
            }

            return false;
        }
    }
}
