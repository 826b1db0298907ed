using System.Runtime.InteropServices;
using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Credentials;

/// <summary>
/// Every credential-issuing call, merged and indexed once so each session finds its issuer in constant time:
/// by issued access key (exact), by issued principal id or role + session name (the console/Identity Center time
/// fallback), and Identity Center GetRoleCredentials by target account and permission set.
/// The fallback maps (and the set of caller keys that guards them) are built on first use: most sessions link by
/// key, and with millions of issuances those maps cost as much as the rest of the index together.
/// </summary>
public sealed class CredentialIndex
{
    private readonly Dictionary<string, IssuanceList> _byKey;
    private readonly Dictionary<string, IssuanceList> _roleCredentials = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _accounts = new(StringComparer.Ordinal);
    private readonly List<CredentialIssuance> _issuances;
    private Dictionary<string, CredentialEvent> _deduplicated = [];
    private FallbackMaps? _fallback;

    private CredentialIndex(int capacity)
    {
        _byKey = new Dictionary<string, IssuanceList>(capacity, StringComparer.Ordinal);
        _issuances = new List<CredentialIssuance>(capacity);
    }

    /// <summary>Recipient accounts of the events indexed (part of the "ingested accounts").</summary>
    public IReadOnlySet<string> Accounts => _accounts;

    /// <summary>Issuances after de-duplication and cross-account merging.</summary>
    public int IssuanceCount => _issuances.Count;

    /// <summary>The issuances by ordinal (<see cref="CredentialIssuance.Ordinal"/>).</summary>
    internal IReadOnlyList<CredentialIssuance> Issuances => _issuances;

    /// <summary>Events dropped: failed calls (an error code never issues a key) and duplicate event ids.</summary>
    public int FailedCount { get; private set; }

    public int DuplicateCount { get; private set; }

    /// <summary>Access keys that callers of credential events used: keys known to belong to some session.</summary>
    internal IReadOnlySet<string> CallerKeys => Fallback.CallerKeys;

    private FallbackMaps Fallback => LazyInitializer.EnsureInitialized(ref _fallback, () => FallbackMaps.Build(_issuances, _deduplicated.Values));

    public static CredentialIndex Build(IEnumerable<CredentialEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var index = new CredentialIndex(events.TryGetNonEnumeratedCount(out var count) ? count : 0);
        var byEventId = new Dictionary<string, CredentialEvent>(count, StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e is null)
            {
                continue;
            }

            if (!string.IsNullOrEmpty(e.AccountId))
            {
                index._accounts.Add(e.AccountId);
            }

            if (!string.IsNullOrEmpty(e.ErrorCode))
            {
                index.FailedCount++;
                continue;
            }

            ref var seen = ref CollectionsMarshal.GetValueRefOrAddDefault(byEventId, e.EventId, out var exists);
            if (exists)
            {
                index.DuplicateCount++;
                if (CredentialIssuance.CallerRichness(e) > CredentialIssuance.CallerRichness(seen!))
                {
                    seen = e;
                }

                continue;
            }

            seen = e;
        }

        // Copies of one call share sharedEventID (and requestID); group on it, then index each merged issuance.
        // An event with neither has no copies to find (its id is already unique): it is indexed as it is. The order
        // issuances are added in is never observable: ties count candidates and candidate lists are time-sorted.
        var groups = new Dictionary<CopyKey, CopyGroup>();
        foreach (var e in byEventId.Values)
        {
            if (string.IsNullOrEmpty(e.SharedEventId) && string.IsNullOrEmpty(e.RequestId))
            {
                index.Add(CredentialIssuance.Single(e));
                continue;
            }

            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, CopyKey.Of(e), out var exists);
            if (!exists)
            {
                group.First = e;
            }
            else
            {
                group.All ??= [group.First];
                group.All.Add(e);
            }
        }

        foreach (var group in groups.Values)
        {
            if (group.All is { } copies)
            {
                // Input order must not decide which copy speaks for the call.
                copies.Sort(static (a, b) => a.EventTime != b.EventTime ? a.EventTime.CompareTo(b.EventTime) : string.CompareOrdinal(a.EventId, b.EventId));
                index.Add(CredentialIssuance.Merge(copies));
            }
            else
            {
                index.Add(CredentialIssuance.Single(group.First));
            }
        }

        index._deduplicated = byEventId;

        // Time-ordered candidate lists let the fallback look only at its ±tolerance window: popular principals
        // ("cli-session", one person signing in all day) must not make each lookup scan their whole history.
        foreach (var list in index._roleCredentials.Values)
        {
            list.SortByTime();
        }

        return index;
    }

    /// <summary>Issuances that returned this access key (normally one).</summary>
    internal IssuanceList ByIssuedKey(string accessKeyId) =>
        _byKey.TryGetValue(accessKeyId, out var list) ? list : IssuanceList.Empty;

    /// <summary>Issuances of this assumed-role id (<c>AROA…:session</c>).</summary>
    internal IssuanceList ByIssuedPrincipalId(string principalId) =>
        Fallback.ByPrincipalId.TryGetValue(principalId, out var list) ? list : IssuanceList.Empty;

    /// <summary>Issuances for a role ARN and session name, for issuing events that do not echo the assumed role id.</summary>
    internal IssuanceList ByRoleSession(string roleArn, string sessionName) =>
        Fallback.ByRoleSession.TryGetValue(FallbackMaps.RoleSessionKey(roleArn, sessionName), out var list) ? list : IssuanceList.Empty;

    /// <summary>Identity Center GetRoleCredentials calls for a permission set in a target account.</summary>
    internal IssuanceList RoleCredentials(string targetAccountId, string permissionSet) =>
        _roleCredentials.TryGetValue(targetAccountId + "|" + permissionSet, out var list) ? list : IssuanceList.Empty;

    /// <summary>The index range [start, end) of a time-sorted list whose event times fall within [from, to].</summary>
    internal static (int Start, int End) Window(IssuanceList sorted, DateTime from, DateTime to) =>
        (LowerBound(sorted, from), UpperBound(sorted, to));

    private static int LowerBound(IssuanceList sorted, DateTime time)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].EventTime < time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(IssuanceList sorted, DateTime time)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].EventTime <= time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private void Add(CredentialIssuance issuance)
    {
        issuance.Ordinal = _issuances.Count;
        _issuances.Add(issuance);
        if (issuance.EventName == "GetRoleCredentials")
        {
            if (issuance.TargetAccountId is { Length: > 0 } account && issuance.TargetRoleName is { Length: > 0 } permissionSet)
            {
                Append(_roleCredentials, account + "|" + permissionSet, issuance);
            }

            return;
        }

        if (!DescribesItself(issuance) && !string.IsNullOrEmpty(issuance.IssuedAccessKeyId))
        {
            Append(_byKey, issuance.IssuedAccessKeyId, issuance);
        }
    }

    /// <summary>Whether the issuance goes into the key, principal and role-session maps (see <see cref="Add"/>).</summary>
    private static bool IndexedAsIssuer(CredentialIssuance issuance) =>
        issuance.EventName != "GetRoleCredentials" && !DescribesItself(issuance);

    private static bool DescribesItself(CredentialIssuance issuance)
    {
        // A sign-in record names the session as its own caller: it witnesses the session, it did not issue it.
        // A role session may re-assume its own role under the same session name, so equal names alone prove
        // nothing; only a record that issued no key of its own (or returned the caller's key) is a witness.
        var e = issuance.Primary;
        if (issuance.IssuedAccessKeyId is { Length: > 0 } key)
        {
            return key == e.CallerAccessKeyId;
        }

        return (issuance.IssuedPrincipalId is { Length: > 0 } id && id == e.CallerPrincipalId)
            || (issuance.IssuedArn is { Length: > 0 } arn && arn == e.CallerArn);
    }

    private static void Append(Dictionary<string, IssuanceList> map, string key, CredentialIssuance issuance)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _);
        slot = slot.With(issuance);
    }

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
    }

    /// <summary>The console/Identity Center fallback's maps, built once from every issuance on first use.</summary>
    private sealed class FallbackMaps
    {
        public Dictionary<string, IssuanceList> ByPrincipalId { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, IssuanceList> ByRoleSession { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> CallerKeys { get; } = new(StringComparer.Ordinal);

        public static FallbackMaps Build(List<CredentialIssuance> issuances, IEnumerable<CredentialEvent> events)
        {
            var maps = new FallbackMaps();
            foreach (var e in events)
            {
                if (!string.IsNullOrEmpty(e.CallerAccessKeyId))
                {
                    maps.CallerKeys.Add(e.CallerAccessKeyId);
                }
            }

            foreach (var issuance in issuances)
            {
                if (!IndexedAsIssuer(issuance))
                {
                    continue;
                }

                if (!string.IsNullOrEmpty(issuance.IssuedPrincipalId))
                {
                    Append(maps.ByPrincipalId, issuance.IssuedPrincipalId, issuance);
                }

                var session = issuance.RoleSessionName ?? Provenance.Arns.SessionName(issuance.IssuedArn);
                var role = issuance.RoleArn ?? Provenance.Arns.RoleOfAssumedRole(issuance.IssuedArn);
                if (!string.IsNullOrEmpty(session) && !string.IsNullOrEmpty(role))
                {
                    Append(maps.ByRoleSession, RoleSessionKey(role, session), issuance);
                }
            }

            foreach (var list in maps.ByPrincipalId.Values)
            {
                list.SortByTime();
            }

            foreach (var list in maps.ByRoleSession.Values)
            {
                list.SortByTime();
            }

            return maps;
        }

        public static string RoleSessionKey(string roleArn, string sessionName)
        {
            // The session's issuer ARN carries the role path; some issuing events give the role without it. Key on
            // the account and role name, which IAM keeps unique within an account.
            var account = Provenance.Arns.Account(roleArn) ?? string.Empty;
            var name = Provenance.Arns.Name(roleArn) ?? roleArn;
            return account + "|" + name + "|" + sessionName;
        }
    }
}
