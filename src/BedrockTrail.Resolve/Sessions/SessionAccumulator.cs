using System.Runtime.InteropServices;
using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Sessions;

/// <summary>
/// Aggregates Bedrock calls into <see cref="ObservedSession"/>s as they arrive, in any order. Per session it keeps
/// running totals and only the calls that still supply one of its fields (nearly always just the earliest), so an
/// ingest can feed it every row it writes without keeping the rows.
/// </summary>
public sealed class SessionAccumulator
{
    private readonly Dictionary<string, SessionTally> _sessions;

    public SessionAccumulator(int capacity = 0) => _sessions = new Dictionary<string, SessionTally>(capacity, StringComparer.Ordinal);

    /// <summary>Sessions seen so far.</summary>
    public int Count => _sessions.Count;

    public void Add(BedrockCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(_sessions, call.SessionKey, out var exists);
        if (exists)
        {
            tally.Add(call);
        }
        else
        {
            tally = SessionTally.Of(call);
        }
    }

    /// <summary>The sessions so far, ordered by session key.</summary>
    public ObservedSession[] ToSessions()
    {
        var sessions = new List<ObservedSession>(_sessions.Count);
        // A one-call session's model count ("one call of model M") is shared by every such session of that model.
        var oneCallOf = new Dictionary<string, ModelCountMap>(StringComparer.Ordinal);
        foreach (var (key, tally) in _sessions)
        {
            sessions.Add(tally.ToSession(key, oneCallOf));
        }

        return SessionOrder.Sort(sessions);
    }
}
