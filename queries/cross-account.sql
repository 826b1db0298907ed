-- name: cross-account
-- description: Identities whose chain to Bedrock crosses accounts, and chains that leave the ingested accounts (external).
-- for: governance, incident response
-- accounts lists (sorted) every account the chains pass through plus the accounts that recorded the calls.
-- leaves_ingested_accounts is true when the chain's top is only known as an outside account or principal.
WITH scoped AS (
    SELECT *, list_distinct(list_concat(coalesce(chain_accounts, []::VARCHAR[]), [account_id])) AS path_accounts
    FROM invocations
    WHERE ($from IS NULL OR event_time >= $from)
      AND ($to IS NULL OR event_time < $to)
      AND ($model IS NULL OR model_id = $model OR base_model_id = $model)
      AND ($identity IS NULL OR identity = $identity)
      AND ($account IS NULL OR account_id = $account)
      AND ($access_key IS NULL OR access_key_id = $access_key)
)
SELECT
    identity,
    identity_kind,
    any_value(status) AS status,
    array_to_string(list_sort(list_distinct(flatten(list(path_accounts)))), ', ') AS accounts,
    identity_kind = 'external' AS leaves_ingested_accounts,
    count(*) AS calls,
    count(DISTINCT session_key) AS sessions,
    string_agg(DISTINCT account_id, ', ' ORDER BY account_id) AS call_accounts,
    arg_max(chain, hops) AS longest_chain,
    min(event_time) AS first_seen,
    max(event_time) AS last_seen
FROM scoped
WHERE len(path_accounts) > 1 OR identity_kind = 'external'
GROUP BY identity, identity_kind
ORDER BY leaves_ingested_accounts DESC, calls DESC, identity
