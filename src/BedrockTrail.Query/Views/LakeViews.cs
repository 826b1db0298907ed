using System.Text;
using BedrockTrail.Lake;
using BedrockTrail.Lake.Schema;

namespace BedrockTrail.Query.Views;

/// <summary>
/// The SQL that defines the views every query sees (shared/docs/contract.md). A table with no files yet gets an empty
/// view of the right columns and types, so queries and reports run on a new lake instead of failing.
/// </summary>
internal static class LakeViews
{
    public static IEnumerable<string> Statements(LakeLayout lake)
    {
        yield return PartitionedView(lake, LakeTables.BedrockCalls);
        yield return PartitionedView(lake, LakeTables.CredentialEvents);
        yield return PartitionedView(lake, LakeTables.InvocationLogs);
        yield return FileView(LakeTables.Identities.Name, LakeTables.Identities, File.Exists(lake.IdentitiesFile) ? Quote(lake.IdentitiesFile) : null);
        yield return FileView(LakeTables.Grants.Name, LakeTables.Grants, Glob(lake.GrantsFolder));
        yield return FileView(LakeTables.IamPrincipals.Name, LakeTables.IamPrincipals, Glob(lake.TableFolder(LakeTables.IamPrincipals.Name)));
        yield return FileView(LakeTables.ApprovedUse.Name, LakeTables.ApprovedUse, Glob(lake.TableFolder(LakeTables.ApprovedUse.Name)));
        yield return FileView("ingested_objects", LakeTables.Ingested, Glob(lake.IngestedFolder));
        yield return FileView("quarantine_log", LakeTables.Quarantine, Glob(lake.QuarantineFolder));
        yield return QuarantineView;
        yield return InvocationLogMatchesView;
        yield return InvocationsView;
    }

    /// <summary>
    /// Transient failures are retried by the next run; once their object is in, their entry no longer shows.
    /// Record-level and content failures stay visible for good.
    /// </summary>
    private const string QuarantineView = """
        CREATE OR REPLACE VIEW quarantine AS
        SELECT q.source_object, q.record_index, q.reason, q.quarantined_at, q.retryable, q.run_id
        FROM quarantine_log q
        WHERE NOT (coalesce(q.retryable, false) AND EXISTS (
            SELECT 1 FROM ingested_objects i WHERE i.source_object = q.source_object AND i.ingested_at >= q.quarantined_at))
        """;

    /// <summary>
    /// Which model invocation log record gives a call its tokens. First by request id (the service's request id is in
    /// both; AWS does not promise it in writing), then, for invocations still without one, by the session ARN + model
    /// + region + time within 5 s, one to one: a pair is taken only when each is the other's closest candidate (ties go
    /// to the earlier id: the calls of one session ARN and model have the same identity), so no record is counted twice.
    /// <c>token_join</c> says which way each call joined.
    /// </summary>
    private const string InvocationLogMatchesView = """
        CREATE OR REPLACE VIEW invocation_log_matches AS
        WITH logs AS (
            SELECT request_id, max(event_time) AS event_time, min(identity_arn) AS identity_arn,
                   min(model_id) AS model_id, min(region) AS region
            FROM invocation_logs
            GROUP BY request_id
        ),
        by_request AS (
            SELECT c.event_id, c.request_id AS log_request_id
            FROM bedrock_calls c
            WHERE EXISTS (SELECT 1 FROM logs l WHERE l.request_id = c.request_id)
        ),
        calls_without AS (
            SELECT c.event_id, c.event_time, c.principal_arn, c.model_id, c.region
            FROM bedrock_calls c
            WHERE c.event_name IN ('InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream')
              AND NOT EXISTS (SELECT 1 FROM logs l WHERE l.request_id = c.request_id)
        ),
        logs_without AS (
            SELECT l.* FROM logs l
            WHERE NOT EXISTS (SELECT 1 FROM bedrock_calls c WHERE c.request_id = l.request_id)
        ),
        candidates AS (
            SELECT c.event_id, l.request_id AS log_request_id, abs(epoch(l.event_time) - epoch(c.event_time)) AS gap
            FROM calls_without c
            JOIN logs_without l ON l.identity_arn = c.principal_arn AND l.model_id = c.model_id AND l.region = c.region
            WHERE abs(epoch(l.event_time) - epoch(c.event_time)) <= 5
        ),
        by_identity_time AS (
            SELECT event_id, log_request_id FROM candidates
            QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY gap, log_request_id) = 1
                AND row_number() OVER (PARTITION BY log_request_id ORDER BY gap, event_id) = 1
        )
        SELECT event_id, log_request_id, 'request-id' AS token_join FROM by_request
        UNION ALL
        SELECT event_id, log_request_id, 'identity-model-time' FROM by_identity_time
        """;

    /// <summary>
    /// One row per Bedrock call: its resolved identity and, where an invocation log record matches it (see
    /// <see cref="InvocationLogMatchesView"/>), its tokens. Calls with no log record have null tokens (unknown, not zero).
    /// </summary>
    private const string InvocationsView = """
        CREATE OR REPLACE VIEW invocations AS
        WITH logs AS (
            SELECT request_id,
                   max(input_tokens) AS input_tokens,
                   max(output_tokens) AS output_tokens,
                   max(cache_read_input_tokens) AS cache_read_input_tokens,
                   max(cache_write_input_tokens) AS cache_write_input_tokens
            FROM invocation_logs
            GROUP BY request_id
        )
        SELECT c.event_id, c.event_time, c.event_source, c.event_name, c.event_category, c.account_id, c.region,
               c.model_id, c.base_model_id, c.inference_region,
               coalesce(i.identity, c.session_issuer_arn, c.principal_arn, c.session_key) AS identity,
               coalesce(i.identity_kind, 'unresolved') AS identity_kind,
               i.identity_source,
               coalesce(i.status, 'unresolved') AS status,
               coalesce(i.evidence, 'not resolved yet: run bedrocktrail resolve') AS evidence,
               i.chain, i.hops, i.chain_accounts, i.long_term_credential, i.bedrock_api_key,
               c.principal_type, c.principal_arn, c.access_key_id, c.session_key, c.session_issuer_arn, c.session_name,
               c.source_ip, c.user_agent, c.error_code, c.error_message, c.request_id, c.read_only,
               c.call_with_bearer_token,
               l.input_tokens, l.output_tokens, l.cache_read_input_tokens, l.cache_write_input_tokens,
               l.request_id IS NOT NULL AS has_invocation_log,
               m.token_join,
               c.date
        FROM bedrock_calls c
        LEFT JOIN identities i ON i.session_key = c.session_key
        LEFT JOIN invocation_log_matches m ON m.event_id = c.event_id
        LEFT JOIN logs l ON l.request_id = m.log_request_id
        """;

    private static string PartitionedView<TRow>(LakeLayout lake, LakeTable<TRow> table)
    {
        var folder = lake.TableFolder(table.Name);
        var hasFiles = Directory.Exists(folder)
            && Directory.EnumerateFiles(folder, "*" + LakeLayout.DataFileExtension, SearchOption.AllDirectories).Any();
        if (!hasFiles)
        {
            return EmptyView(table.Name, table.ColumnTypes, withDate: true);
        }

        var glob = Quote(Path.Combine(folder, "*", "*" + LakeLayout.DataFileExtension));
        return $"CREATE OR REPLACE VIEW {table.Name} AS SELECT * FROM read_parquet({glob}, hive_partitioning = true, hive_types = {{'date': DATE}}, union_by_name = true)";
    }

    private static string FileView<TRow>(string name, LakeTable<TRow> table, string? quotedPathOrGlob) =>
        quotedPathOrGlob is null
            ? EmptyView(name, table.ColumnTypes, withDate: false)
            : $"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet({quotedPathOrGlob}, union_by_name = true)";

    private static string? Glob(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*" + LakeLayout.DataFileExtension).Any()
            ? Quote(Path.Combine(folder, "*" + LakeLayout.DataFileExtension))
            : null;

    private static string EmptyView(string name, IEnumerable<(string Name, LakeType Type)> columns, bool withDate)
    {
        var sql = new StringBuilder($"CREATE OR REPLACE VIEW {name} AS SELECT ");
        sql.AppendJoin(", ", columns.Select(c => $"CAST(NULL AS {SqlType(c.Type)}) AS {c.Name}"));
        if (withDate)
        {
            sql.Append(", CAST(NULL AS DATE) AS date");
        }

        return sql.Append(" WHERE false").ToString();
    }

    private static string SqlType(LakeType type) => type switch
    {
        LakeType.Text => "VARCHAR",
        LakeType.Timestamp => "TIMESTAMP",
        LakeType.Flag => "BOOLEAN",
        LakeType.Number32 => "INTEGER",
        LakeType.Number64 => "BIGINT",
        LakeType.TextList => "VARCHAR[]",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown lake type"),
    };

    internal static string Quote(string literal) => "'" + literal.Replace("'", "''", StringComparison.Ordinal) + "'";
}
