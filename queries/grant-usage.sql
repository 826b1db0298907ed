-- name: grant-usage
-- description: Per IAM principal: may it invoke Bedrock (imported grants), did it, who behind it; unused grants to remove, used-but-not-granted, admin+invoke, long-term credentials, approved-use breaches.
-- for: governance
-- Grants come from `bedrocktrail import-iam` (identity policies only: permission boundaries, SCPs, resource policies and
-- conditions are not evaluated, so `granted` is an upper bound). A call belongs to the role behind its session
-- (session_issuer_arn) or to the IAM user; calls denied by IAM are counted apart and do not make a grant "used".
-- Approved-use columns are null until an approved-use file is imported (import-iam --approved-use FILE).
WITH calls AS (
    SELECT i.*,
           coalesce(i.session_issuer_arn, i.principal_arn) AS iam_principal,
           coalesce(i.error_code IN ('AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedException'), false) AS denied,
           -- The ARN IAM authorised the call against, to test it against the grant's resource patterns.
           CASE
               WHEN i.model_id LIKE 'arn:%' THEN i.model_id
               WHEN regexp_matches(i.model_id, '^(us|eu|apac|global|us-gov|jp|au|ca)\.')
                   THEN 'arn:aws:bedrock:' || i.region || ':' || i.account_id || ':inference-profile/' || i.model_id
               ELSE 'arn:aws:bedrock:' || i.region || '::foundation-model/' || i.model_id
           END AS model_arn
    FROM invocations i
    WHERE i.event_name IN ('InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream',
                           'InvokeModelWithBidirectionalStream', 'StartAsyncInvoke', 'InvokeAgent', 'InvokeInlineAgent',
                           'InvokeFlow', 'RetrieveAndGenerate', 'RetrieveAndGenerateStream')
      AND ($from IS NULL OR i.event_time >= $from)
      AND ($to IS NULL OR i.event_time < $to)
      AND ($account IS NULL OR i.account_id = $account)
),
invoke_grants AS (
    SELECT * FROM grants
    WHERE category = 'invoke' AND effect = 'Allow' AND effective
      AND ($account IS NULL OR account_id = $account)
),
has_rules AS (
    SELECT count(*) > 0 AS present FROM approved_use
),
shapes AS (
    -- Grant and approval checks run once per distinct call shape, not once per call.
    SELECT row_number() OVER () AS shape_id, *
    FROM (SELECT DISTINCT iam_principal, identity, model_id, base_model_id, model_arn, region,
                          event_name IN ('InvokeAgent', 'InvokeInlineAgent', 'InvokeFlow', 'RetrieveAndGenerate', 'RetrieveAndGenerateStream') AS agent_call
          FROM calls WHERE NOT denied)
),
grant_rows AS (
    SELECT row_number() OVER () AS grant_id, * FROM invoke_grants
),
grant_exceptions AS (
    SELECT grant_id, unnest(resource_exceptions) AS pattern FROM grant_rows
),
covered AS (
    -- Call shapes whose model an effective invoke grant of their principal covers (agents and flows: any such grant).
    SELECT DISTINCT c.shape_id
    FROM shapes c
    JOIN grant_rows g ON lower(g.principal_arn) = lower(c.iam_principal)
    WHERE (c.agent_call
           AND g.action IN ('bedrock:InvokeAgent', 'bedrock:InvokeInlineAgent', 'bedrock:InvokeFlow'))
       OR (g.action NOT IN ('bedrock:InvokeAgent', 'bedrock:InvokeInlineAgent', 'bedrock:InvokeFlow')
           AND regexp_full_match(c.model_arn, g.resource_regex)
           AND NOT EXISTS (SELECT 1 FROM grant_exceptions e WHERE e.grant_id = g.grant_id AND c.model_arn GLOB e.pattern)
           AND NOT EXISTS (SELECT 1 FROM grants d
                           WHERE d.effect = 'Deny' AND d.effective AND len(d.resource_exceptions) = 0
                             AND lower(d.principal_arn) = lower(g.principal_arn)
                             AND (d.action = g.action
                                  OR (g.action = 'bedrock:Converse' AND d.action = 'bedrock:InvokeModel')
                                  OR (g.action = 'bedrock:ConverseStream' AND d.action = 'bedrock:InvokeModelWithResponseStream'))
                             AND regexp_full_match(c.model_arn, d.resource_regex)))
),
rule_models AS (
    SELECT rule_index, unnest(model_regexes) AS regex FROM approved_use
),
rule_regions AS (
    SELECT rule_index, unnest(region_regexes) AS regex FROM approved_use
),
who AS (
    -- The approved-use rules whose identity and role patterns match each call shape.
    SELECT c.shape_id, c.model_id, c.base_model_id, c.region, a.rule_index, a.purpose,
           len(a.model_regexes) = 0 AS any_model, len(a.region_regexes) = 0 AS any_region
    FROM shapes c
    JOIN approved_use a
      ON (a.identity_regex IS NULL OR coalesce(regexp_full_match(c.identity, a.identity_regex), false))
     AND (a.principal_regex IS NULL OR coalesce(regexp_full_match(c.iam_principal, a.principal_regex), false))
),
model_ok AS (
    SELECT DISTINCT w.shape_id, w.rule_index
    FROM who w JOIN rule_models m ON m.rule_index = w.rule_index
    WHERE regexp_full_match(w.model_id, m.regex)
       OR coalesce(regexp_full_match(w.base_model_id, m.regex), false)
       OR regexp_full_match(regexp_extract(w.model_id, '[^/]*$'), m.regex)
),
region_ok AS (
    SELECT DISTINCT w.shape_id, w.rule_index
    FROM who w JOIN rule_regions r ON r.rule_index = w.rule_index
    WHERE regexp_full_match(w.region, r.regex)
),
approval AS (
    SELECT w.shape_id,
           bool_or(w.purpose IS NOT NULL) AS has_purpose,
           bool_or(w.purpose IS NOT NULL AND (w.any_model OR mo.shape_id IS NOT NULL) AND (w.any_region OR ro.shape_id IS NOT NULL)) AS approved
    FROM who w
    LEFT JOIN model_ok mo ON mo.shape_id = w.shape_id AND mo.rule_index = w.rule_index
    LEFT JOIN region_ok ro ON ro.shape_id = w.shape_id AND ro.rule_index = w.rule_index
    GROUP BY 1
),
judged AS (
    SELECT c.*,
           cv.shape_id IS NOT NULL AS model_granted,
           coalesce(ap.has_purpose, false) AS has_purpose,
           coalesce(ap.approved, false) AS approved
    FROM calls c
    JOIN shapes s
      ON s.iam_principal IS NOT DISTINCT FROM c.iam_principal AND s.identity IS NOT DISTINCT FROM c.identity
     AND s.model_id IS NOT DISTINCT FROM c.model_id AND s.base_model_id IS NOT DISTINCT FROM c.base_model_id
     AND s.model_arn IS NOT DISTINCT FROM c.model_arn AND s.region IS NOT DISTINCT FROM c.region AND s.agent_call = (c.event_name IN ('InvokeAgent', 'InvokeInlineAgent', 'InvokeFlow', 'RetrieveAndGenerate', 'RetrieveAndGenerateStream'))
    LEFT JOIN covered cv ON cv.shape_id = s.shape_id
    LEFT JOIN approval ap ON ap.shape_id = s.shape_id
    WHERE NOT c.denied
),
used AS (
    SELECT lower(iam_principal) AS principal_key,
           min(iam_principal) AS principal_arn,
           count(*) AS calls,
           string_agg(DISTINCT coalesce(base_model_id, model_id), ', ' ORDER BY coalesce(base_model_id, model_id)) AS models_used,
           string_agg(DISTINCT model_id, ', ' ORDER BY model_id) FILTER (WHERE NOT model_granted) AS models_used_outside_grant,
           string_agg(DISTINCT identity, ', ' ORDER BY identity) AS used_by,
           count(DISTINCT identity) AS identities,
           max(event_time) AS last_used,
           coalesce(bool_or(long_term_credential), false) AS long_term_key_used,
           count(*) FILTER (WHERE has_purpose AND NOT approved) AS calls_outside_approval,
           string_agg(DISTINCT identity, ', ' ORDER BY identity) FILTER (WHERE NOT has_purpose) AS identities_without_purpose
    FROM judged
    GROUP BY 1
),
denied AS (
    SELECT lower(iam_principal) AS principal_key, min(iam_principal) AS principal_arn, count(*) AS denied_calls
    FROM calls WHERE denied GROUP BY 1
),
held AS (
    SELECT lower(principal_arn) AS principal_key,
           min(principal_arn) AS principal_arn,
           min(principal_type) AS principal_type,
           min(account_id) AS account_id,
           bool_or(category = 'invoke' AND effect = 'Allow' AND effective) AS granted,
           bool_or(category = 'admin' AND effect = 'Allow' AND effective) AS admin,
           string_agg(DISTINCT model, ', ' ORDER BY model) FILTER (WHERE category = 'invoke' AND effect = 'Allow' AND effective) AS models_granted,
           string_agg(DISTINCT admin_area, ', ' ORDER BY admin_area) FILTER (WHERE category = 'admin' AND effect = 'Allow' AND effective) AS admin_areas,
           bool_or(conditional AND effect = 'Allow' AND effective) AS conditional_grant,
           string_agg(DISTINCT policy, ', ' ORDER BY policy) FILTER (WHERE effect = 'Allow' AND effective) AS granted_by
    FROM grants
    WHERE $account IS NULL OR account_id = $account
    GROUP BY 1
),
principals AS (
    SELECT lower(principal_arn) AS principal_key, principal_type, account_id, has_permissions_boundary, trusted_by FROM iam_principals
),
keys AS (
    SELECT principal_key FROM held WHERE granted OR admin
    UNION
    SELECT principal_key FROM used
    UNION
    SELECT principal_key FROM denied
),
rows AS (
    SELECT coalesce(h.principal_arn, u.principal_arn, d.principal_arn) AS principal_arn,
           coalesce(h.principal_type, p.principal_type,
                    CASE WHEN coalesce(u.principal_arn, d.principal_arn) LIKE '%:role/%' THEN 'role'
                         WHEN coalesce(u.principal_arn, d.principal_arn) LIKE '%:user/%' THEN 'user'
                         WHEN coalesce(u.principal_arn, d.principal_arn) LIKE '%:root' THEN 'root' END) AS principal_type,
           coalesce(h.account_id, p.account_id, split_part(coalesce(u.principal_arn, d.principal_arn), ':', 5)) AS account_id,
           p.principal_key IS NOT NULL AS imported,
           coalesce(h.granted, false) AS granted,
           coalesce(u.calls, 0) > 0 AS used,
           coalesce(h.admin, false) AS admin,
           h.models_granted,
           u.models_used,
           coalesce(u.calls, 0) AS calls,
           coalesce(d.denied_calls, 0) AS denied_calls,
           u.used_by,
           coalesce(u.identities, 0) AS identities,
           u.last_used,
           h.admin_areas,
           h.granted_by,
           u.models_used_outside_grant,
           coalesce(h.conditional_grant, false) AS conditional_grant,
           coalesce(p.has_permissions_boundary, false) AS has_permissions_boundary,
           coalesce(u.long_term_key_used, false) AS long_term_key_used,
           CASE WHEN r.present THEN coalesce(u.calls_outside_approval, 0) END AS calls_outside_approval,
           CASE WHEN r.present THEN u.identities_without_purpose END AS identities_without_purpose,
           array_to_string(p.trusted_by, ', ') AS trusted_by
    FROM keys k
    CROSS JOIN has_rules r
    LEFT JOIN held h ON h.principal_key = k.principal_key
    LEFT JOIN used u ON u.principal_key = k.principal_key
    LEFT JOIN denied d ON d.principal_key = k.principal_key
    LEFT JOIN principals p ON p.principal_key = k.principal_key
)
SELECT principal_arn, principal_type, account_id, granted, used, models_granted, models_used, calls, used_by, last_used,
       array_to_string(list_filter([
           CASE WHEN granted AND NOT used THEN 'unused-grant' END,
           CASE WHEN used AND imported AND NOT granted THEN 'used-not-granted' END,
           CASE WHEN used AND NOT imported AND account_id NOT IN (SELECT account_id FROM iam_principals) THEN 'account-not-imported' END,
           CASE WHEN used AND NOT imported AND account_id IN (SELECT account_id FROM iam_principals) THEN 'principal-not-in-import' END,
           CASE WHEN used AND granted AND models_used_outside_grant IS NOT NULL THEN 'model-outside-grant' END,
           CASE WHEN admin AND granted THEN 'admin-and-invoke' END,
           CASE WHEN denied_calls > 0 THEN 'invoke-denied' END,
           CASE WHEN (granted AND principal_type IN ('user', 'root')) OR long_term_key_used THEN 'long-term-credentials' END,
           CASE WHEN calls_outside_approval > 0 THEN 'outside-approval' END,
           CASE WHEN identities_without_purpose IS NOT NULL THEN 'no-approved-purpose' END,
           CASE WHEN conditional_grant THEN 'conditions-not-evaluated' END,
           CASE WHEN has_permissions_boundary THEN 'boundary-not-evaluated' END
       ], f -> f IS NOT NULL), ', ') AS findings,
       admin, admin_areas, denied_calls, identities, models_used_outside_grant, calls_outside_approval,
       identities_without_purpose, granted_by, trusted_by, imported
FROM rows
ORDER BY account_id, principal_arn
