namespace BedrockTrail.Query.Pricing;

/// <summary>
/// <c>usage</c>: one row per model invocation with tokens and cost, the base of every report that shows money.
/// Invocations come from CloudTrail; a model invocation log record whose request id matches no CloudTrail event
/// (its trail not ingested, or a data event the trail does not select) is kept as a row of its own
/// (<c>log_only</c>) so that token totals always equal the sum over <c>invocation_logs</c>. Its identity comes from
/// the log's session ARN when exactly one resolved identity used that ARN.
/// Cost is null, never zero, when tokens are unknown (no log record) or the model has no price.
/// </summary>
internal static class UsageView
{
    /// <summary>The runtime, agent and mantle operations that run a model (https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html).</summary>
    public const string InvocationEventNames =
        "'InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream', 'InvokeModelWithBidirectionalStream', "
        + "'StartAsyncInvoke', 'CreateInference', 'InvokeAgent', 'InvokeInlineAgent', 'InvokeFlow', 'RetrieveAndGenerate', 'RetrieveAndGenerateStream'";

    public static readonly string Sql = $"""
        CREATE OR REPLACE VIEW usage AS
        WITH orphan_logs AS (
            SELECT l.* FROM invocation_logs l
            WHERE NOT EXISTS (SELECT 1 FROM invocation_log_matches m WHERE m.log_request_id = l.request_id)
        ),
        log_identity AS (
            SELECT session_arn, min(identity) AS identity, min(identity_kind) AS identity_kind,
                   min(identity_source) AS identity_source, min(status) AS status
            FROM identities WHERE session_arn IS NOT NULL
            GROUP BY session_arn HAVING count(DISTINCT identity) = 1
        ),
        calls AS (
            SELECT event_id, event_time, event_name, account_id, region, model_id, base_model_id,
                   identity, identity_kind, identity_source, status, session_issuer_arn, access_key_id, session_key,
                   source_ip, user_agent, error_code, input_tokens, output_tokens, has_invocation_log, false AS log_only
            FROM invocations WHERE event_name IN ({InvocationEventNames})
            UNION ALL
            SELECT NULL, l.event_time, l.operation, l.account_id, l.region, l.model_id, l.base_model_id,
                   coalesce(li.identity, l.identity_arn, 'unknown'), coalesce(li.identity_kind, 'unresolved'),
                   li.identity_source, coalesce(li.status, 'unresolved'), NULL, NULL, NULL,
                   NULL, NULL, l.error_code, l.input_tokens, l.output_tokens, true, true
            FROM orphan_logs l LEFT JOIN log_identity li ON li.session_arn = l.identity_arn
        ),
        exact_prices AS (
            SELECT lower(model_id) AS id, min(input_per_1k) AS input_per_1k, min(output_per_1k) AS output_per_1k
            FROM model_prices GROUP BY 1
        ),
        keyed_prices AS (
            SELECT {PriceTable.PriceKey("model_id")} AS id,
                   min(input_per_1k) AS input_per_1k, min(output_per_1k) AS output_per_1k
            FROM model_prices GROUP BY 1
        ),
        priced AS (
            SELECT c.*, coalesce(c.base_model_id, c.model_id) AS priced_model_id,
                   coalesce(e.input_per_1k, k.input_per_1k) AS input_per_1k,
                   coalesce(e.output_per_1k, k.output_per_1k) AS output_per_1k
            FROM calls c
            LEFT JOIN exact_prices e ON e.id = lower(coalesce(c.base_model_id, c.model_id))
            LEFT JOIN keyed_prices k ON k.id = {PriceTable.PriceKey("coalesce(c.base_model_id, c.model_id)")}
        )
        SELECT *,
               input_per_1k IS NOT NULL AS priced,
               CASE WHEN input_tokens IS NULL OR output_tokens IS NULL OR input_per_1k IS NULL THEN NULL
                    ELSE CAST((input_tokens * input_per_1k + output_tokens * output_per_1k) / 1000 AS DECIMAL(18,9)) END AS cost_usd
        FROM priced
        """;
}
