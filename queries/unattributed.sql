-- name: unattributed
-- description: Calls that could not be resolved to a person or workload, grouped by the session's role, with why.
-- for: governance
-- status partial: some hops are known (the chain leaves the ingested accounts, a link is cut, or several issuers
-- match); unresolved: nothing in the lake links past the session (issued before the window, or its trail is not here).
SELECT
    coalesce(session_issuer_arn, principal_arn, session_key) AS session_issuer_arn,
    status,
    identity_kind,
    evidence,
    CASE
        WHEN evidence LIKE '%ambiguous%' THEN 'several credential events could have issued this session; none is picked'
        WHEN identity_kind = 'external' THEN 'the chain leaves the accounts whose trails were ingested'
        WHEN evidence LIKE '%missing-issuer%' THEN 'a link is missing: the issuing event of a hop is not in the lake'
        WHEN identity_source = 'source-identity' THEN 'chain cut; the person is named only by the session''s source identity'
        WHEN status = 'unresolved' AND evidence LIKE 'not resolved yet%' THEN 'identity resolution has not run since this call was ingested'
        WHEN status = 'unresolved' THEN 'no credential event for this session in the lake (issued before the window, or in an account whose trail is not ingested)'
        ELSE 'chain incomplete'
    END AS why,
    count(*) AS calls,
    count(DISTINCT session_key) AS sessions,
    string_agg(DISTINCT identity, ', ' ORDER BY identity) AS identities,
    min(event_time) AS first_seen,
    max(event_time) AS last_seen
FROM invocations
WHERE status <> 'resolved'
  AND ($from IS NULL OR event_time >= $from)
  AND ($to IS NULL OR event_time < $to)
  AND ($model IS NULL OR model_id = $model OR base_model_id = $model)
  AND ($identity IS NULL OR identity = $identity)
  AND ($account IS NULL OR account_id = $account)
  AND ($access_key IS NULL OR access_key_id = $access_key)
GROUP BY ALL
ORDER BY calls DESC, session_issuer_arn, status, evidence
