using System.Runtime.InteropServices;
using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Sessions;

/// <summary>
/// One session (one <see cref="BedrockCall.SessionKey"/>) as the Bedrock calls show it: who it claims to be and what
/// it did. The resolver walks back from here; the trace prints its activity.
/// </summary>
public sealed record ObservedSession
{
    public required string SessionKey { get; init; }
    public string? AccessKeyId { get; init; }
    /// <summary>recipientAccountId of the session's first call.</summary>
    public string? AccountId { get; init; }
    public string? PrincipalType { get; init; }
    public string? PrincipalId { get; init; }
    public string? PrincipalArn { get; init; }
    public string? PrincipalAccountId { get; init; }
    public string? UserName { get; init; }
    public string? SessionIssuerType { get; init; }
    public string? SessionIssuerArn { get; init; }
    public string? SessionName { get; init; }
    public DateTime? SessionCreated { get; init; }
    public string? SourceIdentity { get; init; }
    public string? OnBehalfOfUserId { get; init; }
    public string? IdentityStoreArn { get; init; }
    public string? InvokedBy { get; init; }
    public string? Ec2RoleDelivery { get; init; }
    public string? InScopeOf { get; init; }
    public bool CallWithBearerToken { get; init; }
    /// <summary>Source IP and user agent of the first call (the trace prints where the session acted from).</summary>
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }
    public required DateTime FirstSeen { get; init; }
    public required DateTime LastSeen { get; init; }
    public required int CallCount { get; init; }
    /// <summary>Calls per model as called (event name where no model is named), for the trace.</summary>
    public required IReadOnlyDictionary<string, int> ModelCounts { get; init; }

    /// <summary>
    /// Groups calls by session key. Fields come from the earliest call that has them: CloudTrail leaves fields out
    /// now and then, and a session's identity does not change between its calls.
    /// </summary>
    public static IReadOnlyList<ObservedSession> Aggregate(IEnumerable<BedrockCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var groups = new Dictionary<string, SessionCalls>(calls.TryGetNonEnumeratedCount(out var count) ? count : 0, StringComparer.Ordinal);
        foreach (var call in calls)
        {
            if (call is null)
            {
                continue;
            }

            // Most sessions make one call: a list is only made for a session's second call.
            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, call.SessionKey, out var exists);
            if (!exists)
            {
                group.First = call;
            }
            else
            {
                group.All ??= [group.First];
                group.All.Add(call);
            }
        }

        var sessions = new List<ObservedSession>(groups.Count);
        var oneCallOf = new Dictionary<string, ModelCountMap>(StringComparer.Ordinal);
        foreach (var (key, group) in groups)
        {
            sessions.Add(group.All is { } list ? FromCalls(key, list) : FromCall(key, group.First, oneCallOf));
        }

        return SessionOrder.Sort(sessions);
    }

    /// <summary>
    /// <see cref="ModelCounts"/> from per-model counts aggregated elsewhere (the lake loader counts in DuckDB): the
    /// same ordinal model order <see cref="Aggregate"/> gives.
    /// </summary>
    public static IReadOnlyDictionary<string, int> ModelCountsFrom(IEnumerable<KeyValuePair<string, int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return ModelCountMap.From(counts);
    }

    /// <summary>A session of one call: what <see cref="FromCalls"/> gives for a list of one, without the list.</summary>
    /// <remarks>
    /// The read-only "one call of model M" count is shared by every such session (one per model seen), not made per
    /// session: a million one-call sessions would keep a million identical maps alive.
    /// </remarks>
    private static ObservedSession FromCall(string key, BedrockCall call, Dictionary<string, ModelCountMap> oneCallOf) => new()
    {
        SessionKey = key,
        AccessKeyId = NullIfEmpty(call.AccessKeyId),
        AccountId = NullIfEmpty(call.AccountId),
        PrincipalType = NullIfEmpty(call.PrincipalType),
        PrincipalId = NullIfEmpty(call.PrincipalId),
        PrincipalArn = NullIfEmpty(call.PrincipalArn),
        PrincipalAccountId = NullIfEmpty(call.PrincipalAccountId),
        UserName = NullIfEmpty(call.UserName),
        SessionIssuerType = NullIfEmpty(call.SessionIssuerType),
        SessionIssuerArn = NullIfEmpty(call.SessionIssuerArn),
        SessionName = NullIfEmpty(call.SessionName),
        SessionCreated = call.SessionCreated,
        SourceIdentity = NullIfEmpty(call.SourceIdentity),
        OnBehalfOfUserId = NullIfEmpty(call.OnBehalfOfUserId),
        IdentityStoreArn = NullIfEmpty(call.IdentityStoreArn),
        InvokedBy = NullIfEmpty(call.InvokedBy),
        Ec2RoleDelivery = NullIfEmpty(call.Ec2RoleDelivery),
        InScopeOf = NullIfEmpty(call.InScopeOf),
        CallWithBearerToken = call.CallWithBearerToken == true,
        SourceIp = NullIfEmpty(call.SourceIp),
        UserAgent = NullIfEmpty(call.UserAgent),
        FirstSeen = call.EventTime,
        LastSeen = call.EventTime,
        CallCount = 1,
        ModelCounts = OneCallOf(call.ModelId ?? call.EventName, oneCallOf),
    };

    private static ObservedSession FromCalls(string key, List<BedrockCall> list)
    {
        list.Sort((a, b) => a.EventTime != b.EventTime ? a.EventTime.CompareTo(b.EventTime) : string.CompareOrdinal(a.EventId, b.EventId));
        var models = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var call in list)
        {
            var model = call.ModelId ?? call.EventName;
            models[model] = models.TryGetValue(model, out var n) ? n + 1 : 1;
        }

        return new ObservedSession
        {
            SessionKey = key,
            AccessKeyId = First(list, c => c.AccessKeyId),
            AccountId = First(list, c => c.AccountId),
            PrincipalType = First(list, c => c.PrincipalType),
            PrincipalId = First(list, c => c.PrincipalId),
            PrincipalArn = First(list, c => c.PrincipalArn),
            PrincipalAccountId = First(list, c => c.PrincipalAccountId),
            UserName = First(list, c => c.UserName),
            SessionIssuerType = First(list, c => c.SessionIssuerType),
            SessionIssuerArn = First(list, c => c.SessionIssuerArn),
            SessionName = First(list, c => c.SessionName),
            SessionCreated = list.Find(c => c.SessionCreated.HasValue)?.SessionCreated,
            SourceIdentity = First(list, c => c.SourceIdentity),
            OnBehalfOfUserId = First(list, c => c.OnBehalfOfUserId),
            IdentityStoreArn = First(list, c => c.IdentityStoreArn),
            InvokedBy = First(list, c => c.InvokedBy),
            Ec2RoleDelivery = First(list, c => c.Ec2RoleDelivery),
            InScopeOf = First(list, c => c.InScopeOf),
            CallWithBearerToken = list.Exists(c => c.CallWithBearerToken == true),
            SourceIp = First(list, c => c.SourceIp),
            UserAgent = First(list, c => c.UserAgent),
            FirstSeen = list[0].EventTime,
            LastSeen = list[^1].EventTime,
            CallCount = list.Count,
            ModelCounts = ModelCountMap.From(models),
        };
    }

    private static string? First(List<BedrockCall> list, Func<BedrockCall, string?> field)
    {
        foreach (var call in list)
        {
            var value = field(call);
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    private static ModelCountMap OneCallOf(string model, Dictionary<string, ModelCountMap> shared)
    {
        ref var map = ref CollectionsMarshal.GetValueRefOrAddDefault(shared, model, out _);
        return map ??= ModelCountMap.One(model);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The calls of one session; a list only from its second call on.</summary>
    private struct SessionCalls
    {
        public BedrockCall First;
        public List<BedrockCall>? All;
    }
}
