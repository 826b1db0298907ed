-- name: standing-access
-- description: Bedrock calls made with long-term credentials (IAM user access keys, Bedrock API keys): who, which key, from where.
-- for: governance
-- A long-term key (AKIA...) never expires on its own and a Bedrock API key acts as an IAM user named BedrockAPIKey-*
-- (https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html); both are standing access worth replacing
-- with short-lived roles. Bedrock API key calls carry no access key id (bearer token): access_key_id is empty.
SELECT
    identity,
    CASE WHEN coalesce(bedrock_api_key, false) OR identity LIKE '%:user/BedrockAPIKey-%' OR identity LIKE '%:user/%/BedrockAPIKey-%'
         THEN 'bedrock-api-key' ELSE 'iam-user-access-key' END AS credential,
    access_key_id,
    count(*) AS calls,
    count(*) FILTER (WHERE error_code IS NOT NULL) AS errors,
    string_agg(DISTINCT event_name, ', ' ORDER BY event_name) AS operations,
    string_agg(DISTINCT coalesce(base_model_id, model_id), ', ' ORDER BY coalesce(base_model_id, model_id)) AS models,
    string_agg(DISTINCT source_ip, ', ' ORDER BY source_ip) AS source_ips,
    string_agg(DISTINCT account_id, ', ' ORDER BY account_id) AS accounts,
    min(event_time) AS first_seen,
    max(event_time) AS last_seen
FROM invocations
WHERE (coalesce(long_term_credential, false) OR coalesce(bedrock_api_key, false) OR access_key_id LIKE 'AKIA%')
  AND ($from IS NULL OR event_time >= $from)
  AND ($to IS NULL OR event_time < $to)
  AND ($model IS NULL OR model_id = $model OR base_model_id = $model)
  AND ($identity IS NULL OR identity = $identity)
  AND ($account IS NULL OR account_id = $account)
  AND ($access_key IS NULL OR access_key_id = $access_key)
GROUP BY identity, credential, access_key_id
ORDER BY calls DESC, identity, access_key_id
