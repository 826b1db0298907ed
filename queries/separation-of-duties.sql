-- name: separation-of-duties
-- description: Identities that both administer Bedrock (customisation, provisioned throughput, model access, invocation logging, guardrails, inference profiles) and invoke models.
-- for: governance
-- Admin events are successful control-plane writes; invoke events are successful runtime invocations. Both are
-- counted per authoritative identity, so a person who administers through one role and invokes through another is
-- still found.
WITH scoped AS (
    SELECT * FROM invocations
    WHERE error_code IS NULL
      AND ($from IS NULL OR event_time >= $from)
      AND ($to IS NULL OR event_time < $to)
      AND ($identity IS NULL OR identity = $identity)
      AND ($account IS NULL OR account_id = $account)
      AND ($access_key IS NULL OR access_key_id = $access_key)
),
admin AS (
    SELECT identity, identity_kind, event_name, event_time, account_id FROM scoped
    WHERE event_name IN (
        'CreateModelCustomizationJob', 'StopModelCustomizationJob', 'DeleteCustomModel', 'CreateModelCopyJob',
        'CreateModelImportJob', 'DeleteImportedModel', 'CreateCustomModel', 'CreateCustomModelDeployment', 'DeleteCustomModelDeployment',
        'CreateProvisionedModelThroughput', 'UpdateProvisionedModelThroughput', 'DeleteProvisionedModelThroughput',
        'PutUseCaseForModelAccess', 'CreateFoundationModelAgreement', 'DeleteFoundationModelAgreement', 'PutFoundationModelEntitlement',
        'PutModelInvocationLoggingConfiguration', 'DeleteModelInvocationLoggingConfiguration',
        'CreateGuardrail', 'UpdateGuardrail', 'DeleteGuardrail', 'CreateGuardrailVersion',
        'CreateInferenceProfile', 'DeleteInferenceProfile')
),
invoke AS (
    SELECT identity, event_time, model_id, base_model_id FROM scoped
    WHERE event_name IN ('InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream',
                         'InvokeModelWithBidirectionalStream', 'StartAsyncInvoke', 'CreateInference')
      AND ($model IS NULL OR model_id = $model OR base_model_id = $model)
),
admin_by_identity AS (
    SELECT identity, any_value(identity_kind) AS identity_kind, count(*) AS admin_events,
           string_agg(DISTINCT event_name, ', ' ORDER BY event_name) AS admin_actions,
           string_agg(DISTINCT account_id, ', ' ORDER BY account_id) AS admin_accounts,
           min(event_time) AS first_admin, max(event_time) AS last_admin
    FROM admin GROUP BY identity
),
invoke_by_identity AS (
    SELECT identity, count(*) AS invoke_events,
           string_agg(DISTINCT coalesce(base_model_id, model_id), ', ' ORDER BY coalesce(base_model_id, model_id)) AS models,
           min(event_time) AS first_invoke, max(event_time) AS last_invoke
    FROM invoke GROUP BY identity
)
SELECT a.identity, a.identity_kind, a.admin_events, i.invoke_events, a.admin_actions, i.models, a.admin_accounts,
       least(a.first_admin, i.first_invoke) AS first_seen, greatest(a.last_admin, i.last_invoke) AS last_seen
FROM admin_by_identity a
JOIN invoke_by_identity i USING (identity)
ORDER BY a.admin_events + i.invoke_events DESC, a.identity
