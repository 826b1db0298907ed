-- name: invocations-by-identity
-- description: Who called which models how much: calls, errors, tokens and first/last call per authoritative identity.
-- for: everyone
-- Tokens come from model invocation logs joined on request id; calls without a log record count as unknown (null), not zero.
SELECT
    identity,
    identity_kind,
    string_agg(DISTINCT coalesce(base_model_id, model_id), ', ' ORDER BY coalesce(base_model_id, model_id)) AS models,
    count(*) AS calls,
    count(*) FILTER (WHERE error_code IS NOT NULL) AS errors,
    sum(input_tokens) AS input_tokens,
    sum(output_tokens) AS output_tokens,
    count(*) FILTER (WHERE NOT has_invocation_log) AS calls_without_tokens,
    min(event_time) AS first_seen,
    max(event_time) AS last_seen
FROM invocations
WHERE event_name IN ('InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream',
                     'InvokeModelWithBidirectionalStream', 'StartAsyncInvoke', 'CreateInference', 'InvokeAgent',
                     'InvokeInlineAgent', 'InvokeFlow', 'RetrieveAndGenerate', 'RetrieveAndGenerateStream')
  AND ($from IS NULL OR event_time >= $from)
  AND ($to IS NULL OR event_time < $to)
  AND ($model IS NULL OR model_id = $model OR base_model_id = $model)
  AND ($identity IS NULL OR identity = $identity)
  AND ($account IS NULL OR account_id = $account)
  AND ($access_key IS NULL OR access_key_id = $access_key)
GROUP BY identity, identity_kind
ORDER BY calls DESC, identity
