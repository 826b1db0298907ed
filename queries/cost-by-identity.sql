-- name: cost-by-identity
-- description: Tokens and cost per identity, model and day (UTC), with the calls whose tokens or price are unknown.
-- for: FinOps
-- charts: cost-by-identity, calls-over-time
-- Tokens come from model invocation logs; calls without a log record count in calls_without_tokens and add nothing
-- to tokens or cost (unknown, not zero). Prices: fixtures/pricing.csv or --pricing FILE; model_id is the base model
-- behind inference profiles and foundation-model ARNs, which is what the price list is keyed on.
SELECT
    CAST(event_time AS DATE) AS day,
    identity,
    identity_kind,
    priced_model_id AS model_id,
    count(*) AS calls,
    CAST(sum(input_tokens) AS BIGINT) AS input_tokens,
    CAST(sum(output_tokens) AS BIGINT) AS output_tokens,
    round(sum(cost_usd), 6) AS cost_usd,
    count(*) FILTER (WHERE NOT has_invocation_log) AS calls_without_tokens,
    count(*) FILTER (WHERE has_invocation_log AND NOT priced) AS unpriced_calls,
    any_value(input_per_1k) AS input_per_1k,
    any_value(output_per_1k) AS output_per_1k
FROM usage
WHERE ($from IS NULL OR event_time >= $from)
  AND ($to IS NULL OR event_time < $to)
  AND ($model IS NULL OR model_id = $model OR base_model_id = $model)
  AND ($identity IS NULL OR identity = $identity)
  AND ($account IS NULL OR account_id = $account)
  AND ($access_key IS NULL OR access_key_id = $access_key)
GROUP BY ALL
ORDER BY day, cost_usd DESC NULLS LAST, calls DESC, identity, model_id
