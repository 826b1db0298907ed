using System.Runtime.InteropServices;
using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Sessions;

/// <summary>
/// One session's calls so far. Each identity field of the session comes from the earliest call (by event time, then
/// event id) that has it: CloudTrail leaves fields out now and then, and a session's identity does not change between
/// its calls. So a call is kept only while it is the earliest with some field; the counts are running totals.
/// </summary>
internal struct SessionTally
{
    /// <summary>The fields <see cref="ToSession"/> takes from the earliest call that has them.</summary>
    private static readonly Func<BedrockCall, bool>[] Fields =
    [
        c => !string.IsNullOrEmpty(c.AccessKeyId), c => !string.IsNullOrEmpty(c.AccountId),
        c => !string.IsNullOrEmpty(c.PrincipalType), c => !string.IsNullOrEmpty(c.PrincipalId),
        c => !string.IsNullOrEmpty(c.PrincipalArn), c => !string.IsNullOrEmpty(c.PrincipalAccountId),
        c => !string.IsNullOrEmpty(c.UserName), c => !string.IsNullOrEmpty(c.SessionIssuerType),
        c => !string.IsNullOrEmpty(c.SessionIssuerArn), c => !string.IsNullOrEmpty(c.SessionName),
        c => c.SessionCreated.HasValue, c => !string.IsNullOrEmpty(c.SourceIdentity),
        c => !string.IsNullOrEmpty(c.OnBehalfOfUserId), c => !string.IsNullOrEmpty(c.IdentityStoreArn),
        c => !string.IsNullOrEmpty(c.InvokedBy), c => !string.IsNullOrEmpty(c.Ec2RoleDelivery),
        c => !string.IsNullOrEmpty(c.InScopeOf), c => !string.IsNullOrEmpty(c.SourceIp),
        c => !string.IsNullOrEmpty(c.UserAgent),
    ];

    /// <summary>The only supplier while one call supplies every field (nearly always).</summary>
    private BedrockCall _supplier;

    /// <summary>The suppliers, earliest first, once calls differ in which fields they have.</summary>
    private List<BedrockCall>? _suppliers;

    private DateTime _firstSeen;
    private DateTime _lastSeen;
    private int _calls;
    private bool _bearer;

    /// <summary>Calls per model, from the second call on (a one-call session's model is its supplier's).</summary>
    private Dictionary<string, int>? _models;

    public static SessionTally Of(BedrockCall call) => new()
    {
        _supplier = call,
        _firstSeen = call.EventTime,
        _lastSeen = call.EventTime,
        _calls = 1,
        _bearer = call.CallWithBearerToken == true,
    };

    public void Add(BedrockCall call)
    {
        if (_models is null)
        {
            // The second call: until now the supplier was the one call, so its model is the first count.
            _models = new Dictionary<string, int>(StringComparer.Ordinal);
            CountModel(_models, _supplier);
        }

        CountModel(_models, call);
        _calls++;
        _bearer |= call.CallWithBearerToken == true;
        _firstSeen = call.EventTime < _firstSeen ? call.EventTime : _firstSeen;
        _lastSeen = call.EventTime > _lastSeen ? call.EventTime : _lastSeen;
        Supply(call);
    }

    public readonly ObservedSession ToSession(string key, Dictionary<string, ModelCountMap> oneCallOf)
    {
        var suppliers = _suppliers;
        var first = _supplier;
        string? Text(Func<BedrockCall, string?> field)
        {
            if (suppliers is null)
            {
                return field(first) is { Length: > 0 } value ? value : null;
            }

            foreach (var call in suppliers)
            {
                if (field(call) is { Length: > 0 } value)
                {
                    return value;
                }
            }

            return null;
        }

        return new ObservedSession
        {
            SessionKey = key,
            AccessKeyId = Text(static c => c.AccessKeyId),
            AccountId = Text(static c => c.AccountId),
            PrincipalType = Text(static c => c.PrincipalType),
            PrincipalId = Text(static c => c.PrincipalId),
            PrincipalArn = Text(static c => c.PrincipalArn),
            PrincipalAccountId = Text(static c => c.PrincipalAccountId),
            UserName = Text(static c => c.UserName),
            SessionIssuerType = Text(static c => c.SessionIssuerType),
            SessionIssuerArn = Text(static c => c.SessionIssuerArn),
            SessionName = Text(static c => c.SessionName),
            SessionCreated = suppliers is null ? first.SessionCreated : suppliers.Find(static c => c.SessionCreated.HasValue)?.SessionCreated,
            SourceIdentity = Text(static c => c.SourceIdentity),
            OnBehalfOfUserId = Text(static c => c.OnBehalfOfUserId),
            IdentityStoreArn = Text(static c => c.IdentityStoreArn),
            InvokedBy = Text(static c => c.InvokedBy),
            Ec2RoleDelivery = Text(static c => c.Ec2RoleDelivery),
            InScopeOf = Text(static c => c.InScopeOf),
            CallWithBearerToken = _bearer,
            SourceIp = Text(static c => c.SourceIp),
            UserAgent = Text(static c => c.UserAgent),
            FirstSeen = _firstSeen,
            LastSeen = _lastSeen,
            CallCount = _calls,
            ModelCounts = _models is null ? OneCallOf(ModelOf(first), oneCallOf) : ModelCountMap.From(_models),
        };
    }

    /// <summary>Keeps <paramref name="call"/> if it is now the earliest with some field, and drops calls that no longer are.</summary>
    private void Supply(BedrockCall call)
    {
        var current = _suppliers is { } list ? CollectionsMarshal.AsSpan(list) : new ReadOnlySpan<BedrockCall>(in _supplier);
        if (!SuppliesAField(call, current))
        {
            return;
        }

        var candidates = new List<BedrockCall>(current.Length + 1);
        candidates.AddRange(current);
        candidates.Add(call);
        candidates.Sort(EarliestFirst);
        // Earliest first: a call is still a supplier if no earlier candidate has one of its fields.
        var kept = new List<BedrockCall>(candidates.Count);
        var supplied = new bool[Fields.Length];
        foreach (var candidate in candidates)
        {
            var supplies = false;
            for (var f = 0; f < Fields.Length; f++)
            {
                if (!supplied[f] && Fields[f](candidate))
                {
                    supplied[f] = true;
                    supplies = true;
                }
            }

            if (supplies)
            {
                kept.Add(candidate);
            }
        }

        _supplier = kept[0];
        _suppliers = kept.Count > 1 ? kept : null;
    }

    /// <summary>True if <paramref name="call"/> has a field that no earlier supplier has.</summary>
    private static bool SuppliesAField(BedrockCall call, ReadOnlySpan<BedrockCall> suppliers)
    {
        for (var f = 0; f < Fields.Length; f++)
        {
            if (!Fields[f](call))
            {
                continue;
            }

            var earlierHasIt = false;
            foreach (var supplier in suppliers)
            {
                if (EarliestFirst(supplier, call) < 0 && Fields[f](supplier))
                {
                    earlierHasIt = true;
                    break;
                }
            }

            if (!earlierHasIt)
            {
                return true;
            }
        }

        return false;
    }

    private static int EarliestFirst(BedrockCall a, BedrockCall b) =>
        a.EventTime != b.EventTime ? a.EventTime.CompareTo(b.EventTime) : string.CompareOrdinal(a.EventId, b.EventId);

    private static string ModelOf(BedrockCall call) => call.ModelId ?? call.EventName;

    private static void CountModel(Dictionary<string, int> models, BedrockCall call) =>
        CollectionsMarshal.GetValueRefOrAddDefault(models, ModelOf(call), out _)++;

    private static ModelCountMap OneCallOf(string model, Dictionary<string, ModelCountMap> shared)
    {
        ref var map = ref CollectionsMarshal.GetValueRefOrAddDefault(shared, model, out _);
        return map ??= ModelCountMap.One(model);
    }
}
