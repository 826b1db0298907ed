using BedrockTrail.Lake;

namespace BedrockTrail.Query.Rows;

/// <summary>
/// Reads lake tables back into the records the pure core works on (the resolver, trace), streaming so that memory
/// follows what the consumer keeps, not the table size.
/// </summary>
public static class LakeRowReader
{
    public static IEnumerable<BedrockCall> BedrockCalls(LakeDatabase database, string where = "true") =>
        ReadAll(database, $"SELECT * FROM bedrock_calls WHERE {where}", c => new BedrockCall
        {
            EventId = c.RequiredText("event_id"),
            EventTime = c.Time("event_time") ?? default,
            EventSource = c.RequiredText("event_source"),
            EventName = c.RequiredText("event_name"),
            EventCategory = c.Text("event_category"),
            AccountId = c.Text("account_id"),
            Region = c.Text("region"),
            ModelId = c.Text("model_id"),
            BaseModelId = c.Text("base_model_id"),
            InferenceRegion = c.Text("inference_region"),
            PrincipalType = c.Text("principal_type"),
            PrincipalId = c.Text("principal_id"),
            PrincipalArn = c.Text("principal_arn"),
            PrincipalAccountId = c.Text("principal_account_id"),
            UserName = c.Text("user_name"),
            AccessKeyId = c.Text("access_key_id"),
            SessionKey = c.RequiredText("session_key"),
            SessionIssuerType = c.Text("session_issuer_type"),
            SessionIssuerArn = c.Text("session_issuer_arn"),
            SessionIssuerPrincipalId = c.Text("session_issuer_principal_id"),
            SessionName = c.Text("session_name"),
            SourceIdentity = c.Text("source_identity"),
            OnBehalfOfUserId = c.Text("on_behalf_of_user_id"),
            IdentityStoreArn = c.Text("identity_store_arn"),
            SessionCreated = c.Time("session_created"),
            MfaAuthenticated = c.Flag("mfa_authenticated"),
            FromConsole = c.Flag("from_console"),
            Ec2RoleDelivery = c.Text("ec2_role_delivery"),
            InScopeOf = c.Text("in_scope_of"),
            InvokedBy = c.Text("invoked_by"),
            CallWithBearerToken = c.Flag("call_with_bearer_token"),
            SourceIp = c.Text("source_ip"),
            UserAgent = c.Text("user_agent"),
            EndpointHost = c.Text("endpoint_host"),
            ErrorCode = c.Text("error_code"),
            ErrorMessage = c.Text("error_message"),
            RequestId = c.Text("request_id"),
            ReadOnly = c.Flag("read_only"),
            SourceObject = c.RequiredText("source_object"),
        });

    public static IEnumerable<CredentialEvent> CredentialEvents(LakeDatabase database, string where = "true") =>
        ReadAll(database, $"SELECT * FROM credential_events WHERE {where}", c => new CredentialEvent
        {
            EventId = c.RequiredText("event_id"),
            EventTime = c.Time("event_time") ?? default,
            EventSource = c.RequiredText("event_source"),
            EventName = c.RequiredText("event_name"),
            AccountId = c.Text("account_id"),
            Region = c.Text("region"),
            RequestId = c.Text("request_id"),
            SharedEventId = c.Text("shared_event_id"),
            IssuedAccessKeyId = c.Text("issued_access_key_id"),
            IssuedArn = c.Text("issued_arn"),
            IssuedPrincipalId = c.Text("issued_principal_id"),
            RoleArn = c.Text("role_arn"),
            RoleSessionName = c.Text("role_session_name"),
            SourceIdentity = c.Text("source_identity"),
            TargetAccountId = c.Text("target_account_id"),
            TargetRoleName = c.Text("target_role_name"),
            FederationProvider = c.Text("federation_provider"),
            FederationSubject = c.Text("federation_subject"),
            FederationSubjectType = c.Text("federation_subject_type"),
            FederationIssuer = c.Text("federation_issuer"),
            FederationAudience = c.Text("federation_audience"),
            SessionTags = c.Text("session_tags"),
            CallerType = c.Text("caller_type"),
            CallerPrincipalId = c.Text("caller_principal_id"),
            CallerArn = c.Text("caller_arn"),
            CallerAccountId = c.Text("caller_account_id"),
            CallerAccessKeyId = c.Text("caller_access_key_id"),
            CallerUserName = c.Text("caller_user_name"),
            CallerSessionIssuerArn = c.Text("caller_session_issuer_arn"),
            CallerSourceIdentity = c.Text("caller_source_identity"),
            CallerOnBehalfOfUserId = c.Text("caller_on_behalf_of_user_id"),
            CallerIdentityStoreArn = c.Text("caller_identity_store_arn"),
            CallerSessionCreated = c.Time("caller_session_created"),
            InvokedBy = c.Text("invoked_by"),
            SourceIp = c.Text("source_ip"),
            UserAgent = c.Text("user_agent"),
            ErrorCode = c.Text("error_code"),
            ErrorMessage = c.Text("error_message"),
            SourceObject = c.RequiredText("source_object"),
        });

    private static IEnumerable<T> ReadAll<T>(LakeDatabase database, string sql, Func<ColumnReader, T> map)
    {
        // An iterator: each enumeration gets its own reader and its own name-to-ordinal map.
        ColumnReader? columns = null;
        foreach (var row in database.Read(sql, reader => map(columns ??= new ColumnReader(reader))))
        {
            yield return row;
        }
    }
}
