using System.Runtime.InteropServices;
using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Credentials;

/// <summary>
/// Every credential-issuing call, merged and indexed once so each session finds its issuer in constant time:
/// by issued access key (exact), by issued principal id or role + session name (the console/Identity Center time
/// fallback), and Identity Center GetRoleCredentials by target account and permission set.
/// The fallback maps (and the set of caller keys that guards them) are built on first use: most sessions link by
/// key, and with millions of issuances those maps cost as much as the rest of the index together.
/// A large index is built in two parts on two threads (<see cref="IndexPart"/>); the result is the same either way.
/// </summary>
public sealed class CredentialIndex
{
    /// <summary>From this many events, the index is built in two parts on two threads (smaller trails: one part).</summary>
    internal const int PartsFrom = 50_000;

    /// <summary>Issued keys by part (<see cref="IndexPart.PartOf"/>): one table, or two built side by side.</summary>
    private readonly Dictionary<string, IssuanceList>[] _byKey;
    private readonly Dictionary<string, IssuanceList> _roleCredentials;
    private readonly HashSet<string> _accounts = new(StringComparer.Ordinal);
    private readonly List<CredentialIssuance> _issuances;
    /// <summary>The events given, failed calls and duplicates included (the fallback reads the callers' keys of the others).</summary>
    private readonly List<CredentialEvent> _events;
    private FallbackMaps? _fallback;
    private bool _fallbackBuilt;
    private object? _fallbackLock;

    private CredentialIndex(IndexPart[] parts, List<CredentialIssuance> issuances, List<CredentialEvent> events)
    {
        _events = events;
        _byKey = [.. parts.Select(p => p.ByKey)];
        _roleCredentials = parts[0].RoleCredentials;
        _issuances = issuances;
        foreach (var part in parts)
        {
            _accounts.UnionWith(part.Accounts);
            FailedCount += part.Failed;
            DuplicateCount += part.Duplicates;
        }
    }

    /// <summary>Recipient accounts of the events indexed (part of the "ingested accounts").</summary>
    public IReadOnlySet<string> Accounts => _accounts;

    /// <summary>Issuances after de-duplication and cross-account merging.</summary>
    public int IssuanceCount => _issuances.Count;

    /// <summary>The issuances by ordinal (<see cref="CredentialIssuance.Ordinal"/>).</summary>
    internal IReadOnlyList<CredentialIssuance> Issuances => _issuances;

    /// <summary>Events dropped: failed calls (an error code never issues a key) and duplicate event ids.</summary>
    public int FailedCount { get; }

    public int DuplicateCount { get; }

    /// <summary>Access keys that callers of credential events used: keys known to belong to some session.</summary>
    internal IReadOnlySet<string> CallerKeys => Fallback.CallerKeys;

    /// <summary>Built once even when two walkers (the two halves of a bulk resolution) ask at the same time.</summary>
    private FallbackMaps Fallback => LazyInitializer.EnsureInitialized(ref _fallback, ref _fallbackBuilt, ref _fallbackLock, () => FallbackMaps.Build(_issuances, _events))!;

    public static CredentialIndex Build(IEnumerable<CredentialEvent> events) => Build(events, PartsFrom);

    /// <summary><see cref="Build(IEnumerable{CredentialEvent})"/> with another size from which two parts are built (tests).</summary>
    internal static CredentialIndex Build(IEnumerable<CredentialEvent> events, int partsFrom)
    {
        ArgumentNullException.ThrowIfNull(events);
        var all = events as List<CredentialEvent> ?? [.. events];
        IndexPart[] parts = all.Count >= Math.Max(1, partsFrom) ? [new(0, 2, all), new(1, 2, all)] : [new(0, 1, all)];

        // Each step reads what every part made in the step before and writes only its own part's tables. The order
        // issuances are numbered in is never observable: ties count candidates and candidate lists are time-sorted.
        var partOf = parts.Length > 1 ? IndexPart.Partition(all) : null;
        InParallel(parts, p => p.Group(partOf));
        var issuances = new List<CredentialIssuance>(parts.Sum(p => p.Issuances.Count));
        var firsts = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            firsts[i] = issuances.Count;
            issuances.AddRange(parts[i].Issuances);
        }

        InParallel(parts, p => p.Number(firsts[p.Index]));
        InParallel(parts, p => p.IndexKeys(parts));
        var index = new CredentialIndex(parts, issuances, all);

        // Time-ordered candidate lists let the fallback look only at its ±tolerance window: popular principals
        // ("cli-session", one person signing in all day) must not make each lookup scan their whole history.
        foreach (var list in index._roleCredentials.Values)
        {
            list.SortByTime();
        }

        return index;
    }

    /// <summary>Runs a step of every part: the second on another thread while this one runs the first.</summary>
    private static void InParallel(IndexPart[] parts, Action<IndexPart> step)
    {
        if (parts.Length == 1)
        {
            step(parts[0]);
            return;
        }

        var other = Task.Run(() => step(parts[1]));
        step(parts[0]);
        other.GetAwaiter().GetResult();
    }

    /// <summary>Issuances that returned this access key (normally one).</summary>
    internal IssuanceList ByIssuedKey(string accessKeyId) =>
        _byKey[IndexPart.PartOf(accessKeyId, _byKey.Length)].TryGetValue(accessKeyId, out var list) ? list : IssuanceList.Empty;

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

    /// <summary>Whether the issuance goes into the key, principal and role-session maps (see <see cref="IndexPart.IndexKeys"/>).</summary>
    private static bool IndexedAsIssuer(CredentialIssuance issuance) =>
        issuance.EventName != "GetRoleCredentials" && !DescribesItself(issuance);

    internal static bool DescribesItself(CredentialIssuance issuance)
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

    internal static void Append(Dictionary<string, IssuanceList> map, string key, CredentialIssuance issuance)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _);
        slot = slot.With(issuance);
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
                if (e is not null && string.IsNullOrEmpty(e.ErrorCode) && !string.IsNullOrEmpty(e.CallerAccessKeyId))
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
