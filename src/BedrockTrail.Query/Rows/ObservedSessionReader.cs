using BedrockTrail.Resolve.Sessions;

namespace BedrockTrail.Query.Rows;

/// <summary>
/// Aggregates <c>bedrock_calls</c> into one <see cref="ObservedSession"/> per session inside DuckDB, so that a lake of
/// millions of calls costs the resolver one row per session. Gives what <see cref="ObservedSession.Aggregate"/> gives from the same calls: calls are ranked by
/// event time then event id (missing times and ids read as the C# reader gives them: the minimum time, the empty
/// string), and each field is the value of the best-ranked call where it is neither null nor empty.
/// </summary>
public static class ObservedSessionReader
{
    /// <summary>Identity fields taken from the earliest call that has them: column name, in <see cref="ObservedSession"/> order.</summary>
    private static readonly string[] FirstTextColumns =
    [
        "access_key_id", "account_id", "principal_type", "principal_id", "principal_arn", "principal_account_id", "user_name",
        "session_issuer_type", "session_issuer_arn", "session_name", "source_identity", "on_behalf_of_user_id",
        "identity_store_arn", "invoked_by", "ec2_role_delivery", "in_scope_of", "source_ip", "user_agent",
    ];

    public static IReadOnlyList<ObservedSession> Read(LakeDatabase database, string where = "true")
    {
        ArgumentNullException.ThrowIfNull(database);
        var models = ModelCounts(database, where);
        // Calls are ordered by the pair (event time, event id): arg_min over it picks each field from the earliest
        // call that has it in one hash aggregation, without sorting the calls (a window rank cost a sort of them all).
        var firsts = string.Join(", ", FirstTextColumns.Select(c => $"arg_min({c}, call_order) FILTER (WHERE {c} <> '') AS {c}"));
        var sql = $"""
            WITH calls AS (
                SELECT coalesce(session_key, '') AS session_key,
                       coalesce(event_time, TIMESTAMP '0001-01-01 00:00:00') AS event_time,
                       {string.Join(", ", FirstTextColumns)}, session_created, call_with_bearer_token,
                       (coalesce(event_time, TIMESTAMP '0001-01-01 00:00:00'), coalesce(event_id, '')) AS call_order
                FROM bedrock_calls WHERE {where})
            SELECT session_key, {firsts},
                   arg_min(session_created, call_order) FILTER (WHERE session_created IS NOT NULL) AS session_created,
                   coalesce(bool_or(call_with_bearer_token), false) AS call_with_bearer_token,
                   arg_min(event_time, call_order) AS first_seen, arg_max(event_time, call_order) AS last_seen, count(*) AS call_count
            FROM calls GROUP BY session_key
            """;
        var sessions = new List<ObservedSession>(models.Count);
        ColumnReader? columns = null;
        int[] ordinals = [];
        foreach (var summary in database.Read(sql, reader =>
        {
            // The reader is the same for every row: resolve column names to ordinals once.
            if (columns is null)
            {
                columns = new ColumnReader(reader);
                ordinals = [.. FirstTextColumns.Select(columns.OrdinalOf)];
            }

            var c = columns;
            string? Text(int field) => c.Text(ordinals[field]);
            var key = c.RequiredText("session_key");
            return new ObservedSession
            {
                SessionKey = key,
                AccessKeyId = Text(0),
                AccountId = Text(1),
                PrincipalType = Text(2),
                PrincipalId = Text(3),
                PrincipalArn = Text(4),
                PrincipalAccountId = Text(5),
                UserName = Text(6),
                SessionIssuerType = Text(7),
                SessionIssuerArn = Text(8),
                SessionName = Text(9),
                SourceIdentity = Text(10),
                OnBehalfOfUserId = Text(11),
                IdentityStoreArn = Text(12),
                InvokedBy = Text(13),
                Ec2RoleDelivery = Text(14),
                InScopeOf = Text(15),
                SourceIp = Text(16),
                UserAgent = Text(17),
                SessionCreated = c.Time("session_created"),
                CallWithBearerToken = c.Flag("call_with_bearer_token") == true,
                FirstSeen = c.Time("first_seen") ?? default,
                LastSeen = c.Time("last_seen") ?? default,
                CallCount = (int)(c.Number("call_count") ?? 0),
                ModelCounts = ObservedSession.ModelCountsFrom(models.TryGetValue(key, out var counts) ? counts : []),
            };
        }))
        {
            sessions.Add(summary);
        }

        return sessions;
    }

    private static Dictionary<string, List<KeyValuePair<string, int>>> ModelCounts(LakeDatabase database, string where)
    {
        var sql = $"""
            SELECT coalesce(session_key, '') AS session_key, coalesce(model_id, event_name, '') AS model, count(*) AS calls
            FROM bedrock_calls WHERE {where} GROUP BY 1, 2
            """;
        var counts = new Dictionary<string, List<KeyValuePair<string, int>>>(StringComparer.Ordinal);
        foreach (var (key, model, calls) in database.Read(sql, reader => (reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture))))
        {
            if (!counts.TryGetValue(key, out var list))
            {
                list = new List<KeyValuePair<string, int>>(1);
                counts.Add(key, list);
            }

            list.Add(new KeyValuePair<string, int>(model, calls));
        }

        return counts;
    }
}
