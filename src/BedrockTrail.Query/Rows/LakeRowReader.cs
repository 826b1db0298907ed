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

    /// <summary>
    /// Credential events with only the columns resolution reads (request/federation detail such as issuer, audience,
    /// region and error message, and the source object, are left empty). Column ordinals are resolved once: with
    /// millions of events, a name lookup per field per row was a large share of loading.
    /// </summary>
    public static IEnumerable<CredentialEvent> CredentialEventsForResolution(LakeDatabase database)
    {
        var sql = $"SELECT {string.Join(", ", ResolutionColumns)} FROM credential_events";
        // An iterator, so each enumeration gets its own reader and its own ordinals.
        ColumnReader? c = null;
        int[] o = [];
        foreach (var e in database.Read(sql, reader =>
        {
            if (c is null)
            {
                c = new ColumnReader(reader);
                o = [.. ResolutionColumns.Select(c.OrdinalOf)];
            }

            return new CredentialEvent
            {
                EventId = c.Text(o[0]) ?? string.Empty,
                EventTime = c.Time(o[1]) ?? default,
                EventSource = c.Text(o[2]) ?? string.Empty,
                EventName = c.Text(o[3]) ?? string.Empty,
                AccountId = c.Text(o[4]),
                RequestId = c.Text(o[5]),
                SharedEventId = c.Text(o[6]),
                IssuedAccessKeyId = c.Text(o[7]),
                IssuedArn = c.Text(o[8]),
                IssuedPrincipalId = c.Text(o[9]),
                RoleArn = c.Text(o[10]),
                RoleSessionName = c.Text(o[11]),
                SourceIdentity = c.Text(o[12]),
                TargetAccountId = c.Text(o[13]),
                TargetRoleName = c.Text(o[14]),
                FederationProvider = c.Text(o[15]),
                FederationSubject = c.Text(o[16]),
                SessionTags = c.Text(o[17]),
                CallerType = c.Text(o[18]),
                CallerPrincipalId = c.Text(o[19]),
                CallerArn = c.Text(o[20]),
                CallerAccountId = c.Text(o[21]),
                CallerAccessKeyId = c.Text(o[22]),
                CallerUserName = c.Text(o[23]),
                CallerSessionIssuerArn = c.Text(o[24]),
                CallerSourceIdentity = c.Text(o[25]),
                CallerOnBehalfOfUserId = c.Text(o[26]),
                CallerSessionCreated = c.Time(o[27]),
                InvokedBy = c.Text(o[28]),
                SourceIp = c.Text(o[29]),
                UserAgent = c.Text(o[30]),
                ErrorCode = c.Text(o[31]),
                SourceObject = string.Empty,
            };
        }))
        {
            yield return e;
        }
    }

    /// <summary>The credential_events columns resolution reads, in the order the mapping above uses them.</summary>
    private static readonly string[] ResolutionColumns =
    [
        "event_id", "event_time", "event_source", "event_name", "account_id", "request_id", "shared_event_id",
        "issued_access_key_id", "issued_arn", "issued_principal_id", "role_arn", "role_session_name", "source_identity",
        "target_account_id", "target_role_name", "federation_provider", "federation_subject", "session_tags",
        "caller_type", "caller_principal_id", "caller_arn", "caller_account_id", "caller_access_key_id", "caller_user_name",
        "caller_session_issuer_arn", "caller_source_identity", "caller_on_behalf_of_user_id", "caller_session_created",
        "invoked_by", "source_ip", "user_agent", "error_code",
    ];

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
