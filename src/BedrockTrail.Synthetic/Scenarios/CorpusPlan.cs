using BedrockTrail.Lake;
using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.Randomness;
using BedrockTrail.Synthetic.Truth;
using BedrockTrail.Synthetic.World;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>
/// Everything the scenarios plant: rendered records for accounts with a trail, the truth per session and call,
/// invocation log entries, and the sessions noise may borrow. Records for accounts without a trail are dropped here,
/// which is exactly what "the caller's account has no trail in the corpus" means.
/// </summary>
internal sealed class CorpusPlan
{
    private readonly Dictionary<string, List<SessionActor>> _actorsByAccount = new(StringComparer.Ordinal);

    public CorpusPlan(SyntheticWorld world)
    {
        World = world;
    }

    public SyntheticWorld World { get; }

    public List<PlannedRecord> Records { get; } = [];

    public Dictionary<string, SessionTruth> Sessions { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> Calls { get; } = new(StringComparer.Ordinal);

    public List<PlantedPattern> Patterns { get; } = [];

    public List<InvocationLogEntry> InvocationLogs { get; } = [];

    public int BedrockCount { get; private set; }

    public int CredentialCount { get; private set; }

    /// <summary>Adds a record if its account's trail is in the corpus and its time inside the window; false otherwise.</summary>
    public bool Add(TrailEvent e, RecordKind kind)
    {
        if (!World.HasTrail(e.RecipientAccountId) || e.EventTime < World.Start || e.EventTime >= World.End)
        {
            return false;
        }

        Records.Add(new PlannedRecord(e.RecipientAccountId, e.AwsRegion, e.EventTime, kind, e.EventId, TrailEventWriter.Render(e)));
        switch (kind)
        {
            case RecordKind.Bedrock or RecordKind.BedrockInvocation:
                BedrockCount++;
                break;
            case RecordKind.Credential:
                CredentialCount++;
                break;
            default:
                break;
        }

        return true;
    }

    /// <summary>Registers a session's truth and lets noise use it in its account.</summary>
    public SessionActor Register(SessionActor actor)
    {
        if (Sessions.TryGetValue(actor.SessionKey, out var known) && ReferenceEquals(known, actor.Truth))
        {
            return actor; // a long-term key planted again: same session
        }

        if (!Sessions.TryAdd(actor.SessionKey, actor.Truth))
        {
            throw new InvalidOperationException("Two sessions share the key " + actor.SessionKey + ": the generator must never plant that.");
        }

        if (!_actorsByAccount.TryGetValue(actor.AccountId, out var list))
        {
            list = [];
            _actorsByAccount[actor.AccountId] = list;
        }

        list.Add(actor);
        return actor;
    }

    public void AddCall(string eventId, SessionActor actor) => Calls[eventId] = actor.SessionKey;

    public IReadOnlyList<SessionActor> ActorsIn(string accountId) =>
        _actorsByAccount.TryGetValue(accountId, out var list) ? list : [];

    /// <summary>The session key exactly as the lake builds it.</summary>
    public static string KeyFor(CallerIdentity caller, string eventId) =>
        SessionKeys.For(caller.AccessKeyId, caller.Arn, caller.PrincipalId, caller.InvokedBy, eventId);

    public static string NewEventId(SeededRandom rng) => AwsIds.Uuid(rng);
}
