-- name: invocations-by-identity
-- description: Who called which models how much: calls, errors, tokens, cost and first/last call per authoritative identity.
-- for: everyone
-- charts: cost-by-identity, calls-over-time
-- Tokens come from model invocation logs joined on request id; a call without a log record has unknown tokens and
-- cost (null, not zero) and is counted in calls_without_tokens. unpriced_calls have tokens but no price for their model.
SELECT
    identity,
    identity_kind,
    string_agg(DISTINCT priced_model_id, ', ' ORDER BY priced_model_id) AS models,
    count(*) AS calls,
    count(*) FILTER (WHERE error_code IS NOT NULL) AS errors,
    CAST(sum(input_tokens) AS BIGINT) AS input_tokens,
    CAST(sum(output_tokens) AS BIGINT) AS output_tokens,
    round(sum(cost_usd), 6) AS cost_usd,
    count(*) FILTER (WHERE NOT has_invocation_log) AS calls_without_tokens,
    count(*) FILTER (WHERE has_invocation_log AND NOT priced) AS unpriced_calls,
    min(event_time) AS first_seen,
    max(event_time) AS last_seen
FROM usage
WHERE ($from IS NULL OR event_time >= $from)
  AND ($to IS NULL OR event_time < $to)
  AND ($model IS NULL OR model_id = $model OR base_model_id = $model)
  AND ($identity IS NULL OR identity = $identity)
  AND ($account IS NULL OR account_id = $account)
  AND ($access_key IS NULL OR access_key_id = $access_key)
GROUP BY identity, identity_kind
ORDER BY calls DESC, identity
