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
    private readonly SessionAccumulator _sessions = new();
    private readonly List<CredentialEvent> _credentialEvents = [];

    public IReadOnlyList<CredentialEvent> CredentialEvents => _credentialEvents;

    public void Add(BedrockCall call) => _sessions.Add(call);

    public void Add(CredentialEvent credentialEvent) => _credentialEvents.Add(credentialEvent);

    /// <summary>The sessions, ordered by session key as the lake reader gives them.</summary>
    public ObservedSession[] Sessions() => _sessions.ToSessions();
}
