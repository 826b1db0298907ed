-- name: who-invoked
-- description: Timeline of Bedrock calls (narrow it with --model, --identity, --access-key, --from/--to), each with its resolved identity, chain, source IP and error.
-- for: incident response
-- Every Bedrock event is listed (runtime, agents and control plane), so a responder sees recon and configuration
-- changes next to the invocations. chain runs from the authoritative identity down to the session that called.
SELECT
    event_time,
    event_name,
    model_id,
    identity,
    identity_kind,
    status,
    chain,
    source_ip,
    user_agent,
    error_code,
    account_id,
    region,
    access_key_id,
    evidence,
    input_tokens,
    output_tokens,
    event_id
FROM invocations
WHERE ($from IS NULL OR event_time >= $from)
  AND ($to IS NULL OR event_time < $to)
  AND ($model IS NULL OR model_id = $model OR base_model_id = $model)
  AND ($identity IS NULL OR identity = $identity)
  AND ($account IS NULL OR account_id = $account)
  AND ($access_key IS NULL OR access_key_id = $access_key)
ORDER BY event_time, event_id
