using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Credentials;

/// <summary>
/// Every credential-issuing call, merged and indexed once so each session finds its issuer in constant time:
/// by issued access key (exact), by issued principal id or role + session name (the console/Identity Center time
/// fallback), and Identity Center GetRoleCredentials by target account and permission set.
/// </summary>
public sealed class CredentialIndex
{
    private static readonly IReadOnlyList<CredentialIssuance> NoIssuances = [];

    private readonly Dictionary<string, List<CredentialIssuance>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CredentialIssuance>> _byPrincipalId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CredentialIssuance>> _byRoleSession = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<CredentialIssuance>> _roleCredentials = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _accounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _callerKeys = new(StringComparer.Ordinal);

    private CredentialIndex()
    {
    }

    /// <summary>Recipient accounts of the events indexed (part of the "ingested accounts").</summary>
    public IReadOnlySet<string> Accounts => _accounts;

    /// <summary>Issuances after de-duplication and cross-account merging.</summary>
    public int IssuanceCount { get; private set; }

    /// <summary>Events dropped: failed calls (an error code never issues a key) and duplicate event ids.</summary>
    public int FailedCount { get; private set; }

    public int DuplicateCount { get; private set; }

    /// <summary>Access keys that callers of credential events used: keys known to belong to some session.</summary>
    internal IReadOnlySet<string> CallerKeys => _callerKeys;

    public static CredentialIndex Build(IEnumerable<CredentialEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var index = new CredentialIndex();
        var byEventId = new Dictionary<string, CredentialEvent>(StringComparer.Ordinal);
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

            if (byEventId.TryGetValue(e.EventId, out var seen))
            {
                index.DuplicateCount++;
                if (CredentialIssuance.CallerRichness(e) > CredentialIssuance.CallerRichness(seen))
                {
                    byEventId[e.EventId] = e;
                }

                continue;
            }

            byEventId.Add(e.EventId, e);
        }

        // Copies of one call share sharedEventID (and requestID); group on it, then index each merged issuance.
        var groups = new Dictionary<string, List<CredentialEvent>>(StringComparer.Ordinal);
        foreach (var e in byEventId.Values)
        {
            var groupKey = !string.IsNullOrEmpty(e.SharedEventId) ? "s:" + e.SharedEventId
                : !string.IsNullOrEmpty(e.RequestId) ? "r:" + e.EventName + ":" + e.RequestId
                : "e:" + e.EventId;
            if (!groups.TryGetValue(groupKey, out var list))
            {
                list = [];
                groups.Add(groupKey, list);
            }

            list.Add(e);
            if (!string.IsNullOrEmpty(e.CallerAccessKeyId))
            {
                index._callerKeys.Add(e.CallerAccessKeyId);
            }
        }

        foreach (var copies in groups.Values)
        {
            if (copies.Count > 1)
            {
                // Input order must not decide which copy speaks for the call.
                copies.Sort(static (a, b) => a.EventTime != b.EventTime ? a.EventTime.CompareTo(b.EventTime) : string.CompareOrdinal(a.EventId, b.EventId));
            }

            index.Add(CredentialIssuance.Merge(copies));
        }

        // Time-ordered candidate lists let the fallback look only at its ±tolerance window: popular principals
        // ("cli-session", one person signing in all day) must not make each lookup scan their whole history.
        SortByTime(index._byPrincipalId);
        SortByTime(index._byRoleSession);
        SortByTime(index._roleCredentials);
        return index;
    }

    /// <summary>Issuances that returned this access key (normally one).</summary>
    internal IReadOnlyList<CredentialIssuance> ByIssuedKey(string accessKeyId) =>
        _byKey.TryGetValue(accessKeyId, out var list) ? list : NoIssuances;

    /// <summary>Issuances of this assumed-role id (<c>AROA…:session</c>).</summary>
    internal IReadOnlyList<CredentialIssuance> ByIssuedPrincipalId(string principalId) =>
        _byPrincipalId.TryGetValue(principalId, out var list) ? list : NoIssuances;

    /// <summary>Issuances for a role ARN and session name, for issuing events that do not echo the assumed role id.</summary>
    internal IReadOnlyList<CredentialIssuance> ByRoleSession(string roleArn, string sessionName) =>
        _byRoleSession.TryGetValue(RoleSessionKey(roleArn, sessionName), out var list) ? list : NoIssuances;

    /// <summary>Identity Center GetRoleCredentials calls for a permission set in a target account.</summary>
    internal IReadOnlyList<CredentialIssuance> RoleCredentials(string targetAccountId, string permissionSet) =>
        _roleCredentials.TryGetValue(targetAccountId + "|" + permissionSet, out var list) ? list : NoIssuances;

    /// <summary>The index range [start, end) of a time-sorted list whose event times fall within [from, to].</summary>
    internal static (int Start, int End) Window(IReadOnlyList<CredentialIssuance> sorted, DateTime from, DateTime to) =>
        (LowerBound(sorted, from), UpperBound(sorted, to));

    private static int LowerBound(IReadOnlyList<CredentialIssuance> sorted, DateTime time)
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

    private static int UpperBound(IReadOnlyList<CredentialIssuance> sorted, DateTime time)
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

    private static void SortByTime(Dictionary<string, List<CredentialIssuance>> map)
    {
        foreach (var list in map.Values)
        {
            if (list.Count > 1)
            {
                list.Sort(static (a, b) => a.EventTime != b.EventTime ? a.EventTime.CompareTo(b.EventTime) : string.CompareOrdinal(a.EventId, b.EventId));
            }
        }
    }

    private static string RoleSessionKey(string roleArn, string sessionName)
    {
        // The session's issuer ARN carries the role path; some issuing events give the role without it. Key on the
        // account and role name, which IAM keeps unique within an account.
        var account = Provenance.Arns.Account(roleArn) ?? string.Empty;
        var name = Provenance.Arns.Name(roleArn) ?? roleArn;
        return account + "|" + name + "|" + sessionName;
    }

    private void Add(CredentialIssuance issuance)
    {
        IssuanceCount++;
        if (issuance.EventName == "GetRoleCredentials")
        {
            if (issuance.TargetAccountId is { Length: > 0 } account && issuance.TargetRoleName is { Length: > 0 } permissionSet)
            {
                Append(_roleCredentials, account + "|" + permissionSet, issuance);
            }

            return;
        }

        if (DescribesItself(issuance))
        {
            // A sign-in record names the session as its own caller: it witnesses the session, it did not issue it.
            return;
        }

        if (!string.IsNullOrEmpty(issuance.IssuedAccessKeyId))
        {
            Append(_byKey, issuance.IssuedAccessKeyId, issuance);
        }

        if (!string.IsNullOrEmpty(issuance.IssuedPrincipalId))
        {
            Append(_byPrincipalId, issuance.IssuedPrincipalId, issuance);
        }

        var session = issuance.RoleSessionName ?? Provenance.Arns.SessionName(issuance.IssuedArn);
        var role = issuance.RoleArn ?? Provenance.Arns.RoleOfAssumedRole(issuance.IssuedArn);
        if (!string.IsNullOrEmpty(session) && !string.IsNullOrEmpty(role))
        {
            Append(_byRoleSession, RoleSessionKey(role, session), issuance);
        }
    }

    private static bool DescribesItself(CredentialIssuance issuance)
    {
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

    private static void Append(Dictionary<string, List<CredentialIssuance>> map, string key, CredentialIssuance issuance)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map.Add(key, list);
        }

        list.Add(issuance);
    }
}
