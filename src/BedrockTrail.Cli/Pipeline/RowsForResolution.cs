using BedrockTrail.Lake;
using BedrockTrail.Resolve.Sessions;

namespace BedrockTrail.Cli.Pipeline;

/// <summary>
/// What identity resolution reads of the rows one run adds to the lake, gathered as they are added: the calls
/// aggregated into sessions as they arrive, and the credential events. On a lake that held no calls and no credential
/// events before the run, these are the whole lake once the run commits, so resolution need not read them back through
/// DuckDB; after a first ingest of the 1M-event bench corpus that read-back was most of resolution's time.
/// </summary>
internal sealed class RowsForResolution
{
    private SessionAccumulator _sessions = new();
    private List<CredentialEvent> _credentialEvents = [];

    public void Add(BedrockCall call) => _sessions.Add(call);

    public void Add(CredentialEvent credentialEvent) => _credentialEvents.Add(credentialEvent);

    /// <summary>
    /// The sessions of the calls gathered, ordered by session key as the lake reader gives them; the calls kept for
    /// them are forgotten, so they can be collected while resolution runs (at 5M events, sessions and credential events
    /// gathered are ~100 MB).
    /// </summary>
    public ObservedSession[] TakeSessions()
    {
        var sessions = _sessions;
        _sessions = new SessionAccumulator();
        return sessions.ToSessions();
    }

    /// <summary>The credential events gathered, handed over and forgotten (the index built from them keeps them).</summary>
    public List<CredentialEvent> TakeCredentialEvents()
    {
        var events = _credentialEvents;
        _credentialEvents = [];
        return events;
    }
}
