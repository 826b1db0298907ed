-- name: llmjacking
-- description: LLMjacking patterns: recon then invoke, model access enablement, invocation logging deleted, error bursts, a new region, a long-term key from a new IP.
-- for: incident response
-- Patterns from published LLMjacking research (Sysdig TRT, 2024: https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/;
-- stratus-red-team aws.impact.bedrock-invoke-model). Each is judged against the identity's own history in the whole
-- lake (--from/--to only choose which findings to show), and each needs more than ordinary use shows:
--   recon-then-invoke        at least 2 different recon calls, then an invocation within an hour (a console user
--                            listing models once is not recon)
--   model-access-enablement  PutUseCaseForModelAccess / CreateFoundationModelAgreement / PutFoundationModelEntitlement
--   logging-disabled         DeleteModelInvocationLoggingConfiguration
--   error-burst              5 or more AccessDenied / ValidationException invocation errors within 10 minutes
--   new-region               an invocation in a region the identity had not used, and no one in any ingested
--                            account had either (a person moving to a region colleagues use is ordinary), after at
--                            least a day of history in the lake (so the lake's first day flags nothing)
--   long-term-key-new-ip     a long-term key (AKIA..., Bedrock API key) invoking from an address it had not used,
--                            after earlier use from another address
WITH calls AS (
    SELECT * FROM invocations
    WHERE ($account IS NULL OR account_id = $account)
      AND ($identity IS NULL OR identity = $identity)
      AND ($access_key IS NULL OR access_key_id = $access_key)
),
invokes AS (
    SELECT * FROM calls
    WHERE event_name IN ('InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream',
                         'InvokeModelWithBidirectionalStream', 'StartAsyncInvoke', 'CreateInference')
      AND ($model IS NULL OR model_id = $model OR base_model_id = $model)
),
recon AS (
    SELECT * FROM calls
    WHERE event_name IN ('ListFoundationModels', 'GetFoundationModelAvailability', 'GetModelInvocationLoggingConfiguration')
),
recon_then_invoke AS (
    SELECT i.identity, i.event_time AS invoked_at, r.event_time AS recon_at, r.event_name AS recon_event, i.event_id AS invoke_id
    FROM invokes i
    JOIN recon r ON r.identity = i.identity AND r.event_time <= i.event_time AND r.event_time >= i.event_time - INTERVAL 1 HOUR
),
recon_findings AS (
    SELECT identity, 'recon-then-invoke' AS pattern, min(recon_at) AS first_seen, max(invoked_at) AS last_seen,
           string_agg(DISTINCT recon_event, ', ' ORDER BY recon_event) || ' then ' || count(DISTINCT invoke_id)
               || ' invocation(s) within an hour' AS evidence
    FROM recon_then_invoke
    GROUP BY identity
    HAVING count(DISTINCT recon_event) >= 2
),
access_findings AS (
    SELECT identity, 'model-access-enablement' AS pattern, min(event_time) AS first_seen, max(event_time) AS last_seen,
           string_agg(event_name || coalesce(' (' || error_code || ')', ''), ', ' ORDER BY event_time) AS evidence
    FROM calls
    WHERE event_name IN ('PutUseCaseForModelAccess', 'CreateFoundationModelAgreement', 'PutFoundationModelEntitlement')
    GROUP BY identity
),
logging_findings AS (
    SELECT identity, 'logging-disabled' AS pattern, min(event_time) AS first_seen, max(event_time) AS last_seen,
           'DeleteModelInvocationLoggingConfiguration in ' || string_agg(DISTINCT account_id || '/' || region, ', ')
               || coalesce(' (' || string_agg(DISTINCT error_code, ', ') || ')', '') AS evidence
    FROM calls
    WHERE event_name = 'DeleteModelInvocationLoggingConfiguration'
    GROUP BY identity
),
denied AS (
    SELECT identity, event_time, error_code, model_id,
           count(*) OVER (PARTITION BY identity ORDER BY event_time
                          RANGE BETWEEN CURRENT ROW AND INTERVAL 10 MINUTE FOLLOWING) AS in_next_10_minutes
    FROM invokes
    WHERE error_code IN ('AccessDenied', 'AccessDeniedException', 'ValidationException')
),
burst_starts AS (
    SELECT identity, min(event_time) AS first_start, max(event_time) AS last_start, max(in_next_10_minutes) AS peak
    FROM denied WHERE in_next_10_minutes >= 5 GROUP BY identity
),
burst_findings AS (
    SELECT d.identity, 'error-burst' AS pattern, min(d.event_time) AS first_seen, max(d.event_time) AS last_seen,
           count(*) || ' invocation errors (' || string_agg(DISTINCT d.error_code, ', ' ORDER BY d.error_code) || '), up to '
               || any_value(b.peak) || ' within 10 minutes, models ' || string_agg(DISTINCT d.model_id, ', ' ORDER BY d.model_id) AS evidence
    FROM denied d JOIN burst_starts b USING (identity)
    WHERE d.event_time >= b.first_start AND d.event_time <= b.last_start + INTERVAL 10 MINUTE
    GROUP BY d.identity
),
first_in_region AS (
    SELECT identity, region, min(event_time) AS first_use, count(*) AS region_calls
    FROM invokes GROUP BY identity, region
),
region_findings AS (
    SELECT f.identity, 'new-region' AS pattern, f.first_use AS first_seen,
           (SELECT max(i.event_time) FROM invokes i WHERE i.identity = f.identity AND i.region = f.region) AS last_seen,
           f.region_calls || ' invocation(s) in ' || f.region || ', a region new to the identity (earlier: '
               || (SELECT string_agg(DISTINCT c.region, ', ' ORDER BY c.region) FROM calls c WHERE c.identity = f.identity AND c.event_time < f.first_use)
               || ') and to every ingested account' AS evidence
    FROM first_in_region f
    WHERE EXISTS (SELECT 1 FROM calls c WHERE c.identity = f.identity AND c.event_time < f.first_use)
      AND NOT EXISTS (SELECT 1 FROM invocations c WHERE c.region = f.region AND c.event_time < f.first_use)
      AND (SELECT min(c.event_time) FROM invocations c) <= f.first_use - INTERVAL 1 DAY
),
standing AS (
    SELECT * FROM calls
    WHERE (coalesce(long_term_credential, false) OR coalesce(bedrock_api_key, false) OR access_key_id LIKE 'AKIA%')
      AND source_ip IS NOT NULL
),
first_from_ip AS (
    SELECT identity, session_key, any_value(access_key_id) AS access_key_id, source_ip, min(event_time) AS first_use
    FROM standing GROUP BY identity, session_key, source_ip
),
ip_findings AS (
    SELECT f.identity, 'long-term-key-new-ip' AS pattern, f.first_use AS first_seen, max(i.event_time) AS last_seen,
           coalesce(f.access_key_id, 'Bedrock API key') || ' invoked ' || count(*) || ' time(s) from ' || f.source_ip
               || ', an address it had not used (earlier: '
               || (SELECT string_agg(DISTINCT s.source_ip, ', ' ORDER BY s.source_ip) FROM standing s WHERE s.session_key = f.session_key AND s.event_time < f.first_use)
               || ')' AS evidence
    FROM first_from_ip f
    JOIN invokes i ON i.session_key = f.session_key AND i.source_ip = f.source_ip
    WHERE EXISTS (SELECT 1 FROM standing s WHERE s.session_key = f.session_key AND s.event_time < f.first_use)
    GROUP BY f.identity, f.session_key, f.access_key_id, f.source_ip, f.first_use
),
findings AS (
    SELECT * FROM recon_findings
    UNION ALL SELECT * FROM access_findings
    UNION ALL SELECT * FROM logging_findings
    UNION ALL SELECT * FROM burst_findings
    UNION ALL SELECT * FROM region_findings
    UNION ALL SELECT * FROM ip_findings
)
SELECT f.identity,
       (SELECT any_value(c.identity_kind) FROM calls c WHERE c.identity = f.identity) AS identity_kind,
       f.pattern, f.first_seen, f.last_seen, f.evidence
FROM findings f
WHERE ($from IS NULL OR f.last_seen >= $from)
  AND ($to IS NULL OR f.first_seen < $to)
ORDER BY f.first_seen, f.identity, f.pattern
