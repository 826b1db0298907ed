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
    /// Hands what was gathered over and forgets it: once resolution has built its sessions and index from them, the
    /// calls and events kept here can be collected while the identities are written (at 5M events they are ~70 MB).
    /// </summary>
    public (SessionAccumulator Sessions, List<CredentialEvent> CredentialEvents) Take()
    {
        var taken = (_sessions, _credentialEvents);
        _sessions = new SessionAccumulator();
        _credentialEvents = [];
        return taken;
    }
}
