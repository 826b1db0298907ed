using BedrockTrail.Lake;
using BedrockTrail.Normalise.LakeWriting;
using BedrockTrail.Query;
using BedrockTrail.Query.Rows;
using BedrockTrail.Resolve.Credentials;
using BedrockTrail.Resolve.IdentityCenter;
using BedrockTrail.Resolve.Provenance;
using BedrockTrail.Resolve.Sessions;

namespace BedrockTrail.Cli.Pipeline;

/// <summary>
/// Rebuilds the identities table from what is in the lake. Resolution is a pure function of the lake's rows, so
/// ingest (after each commit) and <c>resolve</c> give the same answer whatever order files arrived in.
/// </summary>
internal static class ResolveStage
{
    /// <summary>Sessions from which a lake counts as large for memory: the 5M-event bench corpus has 35,000.</summary>
    private const int LargeLakeSessions = 20_000;

    public static Task<IReadOnlyList<SessionResolution>> RunAsync(LakeLayout lake, string? identityCenterUsersFile, CancellationToken cancellationToken) =>
        RunAsync(lake, identityCenterUsersFile, lakeRows: null, cancellationToken);

    /// <param name="lakeRows">Every call and credential event the lake holds, gathered by the ingest that added them; null to read the lake.</param>
    public static async Task<IReadOnlyList<SessionResolution>> RunAsync(LakeLayout lake, string? identityCenterUsersFile, RowsForResolution? lakeRows, CancellationToken cancellationToken)
    {
        // Only the rows are written: no hops (trace, which renders them, calls Resolve with them).
        var directory = LoadDirectory(identityCenterUsersFile);
        var results = lakeRows is null ? Resolve(lake, directory, buildHops: false) : Resolve(lakeRows, directory);
        if (results.Count >= LargeLakeSessions)
        {
            // The index and what it was built from are garbage now; on a large lake, collecting them before the
            // identities are encoded keeps the peak to the larger of the two steps (5M events: 319 -> 287-311 MB).
            GC.Collect();
        }

        await IdentitiesStore.WriteAsync(lake, results.Select(r => r.Row).ToList(), cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>Resolves without writing, for <c>trace</c>.</summary>
    public static IReadOnlyList<SessionResolution> Resolve(LakeLayout lake, IdentityCenterDirectory directory, string callFilter = "true", bool buildHops = true)
    {
        // The sessions and the credential index come from different tables: each is read on its own core through
        // its own single-threaded DuckDB connection (connections are not shared across threads). After an ingest of
        // the 1M-event corpus this stage was 0.4 s, most of it these two reads one after the other.
        var sessionsRead = Task.Run(() => ReadSessions(lake, callFilter));
        CredentialIndex index;
        using (var database = LakeDatabase.Open(lake, threads: 1))
        {
            index = CredentialIndex.Build(LakeRowReader.CredentialEventsForResolution(database));
        }

        var sessions = sessionsRead.GetAwaiter().GetResult();

        // Reading whole tables through DuckDB.NET leaves a string per value read behind; on a large lake,
        // collecting it now keeps the peak to what resolution holds, not to everything it has read. On a small one
        // the collection costs more time than it returns.
        if (sessions.Length >= LargeLakeSessions)
        {
            GC.Collect();
        }

        return ProvenanceResolver.Resolve(sessions, index, ResolverOptions.Default with { Directory = directory, BuildHops = buildHops });
    }

    /// <summary>Resolves rows already in memory; the sessions and the index are built side by side, as above.</summary>
    private static IReadOnlyList<SessionResolution> Resolve(RowsForResolution rows, IdentityCenterDirectory directory)
    {
        var sessions = Task.Run(rows.TakeSessions);
        var index = CredentialIndex.Build(rows.TakeCredentialEvents());
        return ProvenanceResolver.Resolve(sessions.GetAwaiter().GetResult(), index, ResolverOptions.Default with { Directory = directory, BuildHops = false });
    }

    // DuckDB aggregates the calls (one row per session, not per call) and reads only the columns resolution uses.
    private static ObservedSession[] ReadSessions(LakeLayout lake, string callFilter)
    {
        using var database = LakeDatabase.Open(lake, threads: 1);
        var sessions = ObservedSessionReader.Read(database, callFilter).ToArray();
        Array.Sort(sessions, static (a, b) => string.CompareOrdinal(a.SessionKey, b.SessionKey));
        return sessions;
    }

    public static IdentityCenterDirectory LoadDirectory(string? path)
    {
        if (path is null)
        {
            return IdentityCenterDirectory.Empty;
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"Identity Center users file '{path}' does not exist. It is a CSV with a header line 'user_id,user_name'.");
        }

        using var reader = File.OpenText(path);
        return IdentityCenterDirectoryCsv.Parse(reader).Directory;
    }
}
