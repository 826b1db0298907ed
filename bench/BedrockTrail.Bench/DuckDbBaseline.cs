using System.Diagnostics;
using DuckDB.NET.Data;

namespace BedrockTrail.Bench;

/// <summary>
/// What a user would do without BedrockTrail: DuckDB's read_json over the gzipped files, unnest the records, keep the
/// Bedrock and credential events, extract the same columns, write Parquet.
/// </summary>
internal static class DuckDbBaseline
{
    public static TimeSpan Run(string corpus, string outputFolder)
    {
        Directory.CreateDirectory(outputFolder);
        var glob = Path.Combine(corpus, "AWSLogs", "*", "*", "CloudTrail", "*", "*", "*", "*", "*.json.gz");
        var output = Path.Combine(outputFolder, "baseline.parquet");
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $$"""
            SET autoinstall_known_extensions = false;
            COPY (
              WITH records AS (
                SELECT unnest(Records) AS r
                FROM read_json('{{glob}}', columns = {Records: 'JSON[]'}, format = 'auto', maximum_object_size = 536870912)
              ),
              kept AS (
                SELECT r FROM records
                WHERE (r->>'$.eventSource') LIKE 'bedrock%'
                   OR ((r->>'$.eventSource') IN ('sts.amazonaws.com', 'sso.amazonaws.com', 'signin.amazonaws.com',
                       'rolesanywhere.amazonaws.com', 'eks-auth.amazonaws.com', 'sso-oauth.amazonaws.com'))
              )
              SELECT r->>'$.eventID' AS event_id, TRY_CAST(r->>'$.eventTime' AS TIMESTAMP) AS event_time,
                     r->>'$.eventSource' AS event_source, r->>'$.eventName' AS event_name,
                     r->>'$.recipientAccountId' AS account_id, r->>'$.awsRegion' AS region,
                     coalesce(r->>'$.requestParameters.modelId', r->>'$.requestParameters.model') AS model_id,
                     r->>'$.userIdentity.type' AS principal_type, r->>'$.userIdentity.principalId' AS principal_id,
                     r->>'$.userIdentity.arn' AS principal_arn, r->>'$.userIdentity.accountId' AS principal_account_id,
                     r->>'$.userIdentity.accessKeyId' AS access_key_id,
                     r->>'$.userIdentity.sessionContext.sessionIssuer.arn' AS session_issuer_arn,
                     r->>'$.userIdentity.sessionContext.sourceIdentity' AS source_identity,
                     r->>'$.userIdentity.onBehalfOf.userId' AS on_behalf_of_user_id,
                     TRY_CAST(r->>'$.userIdentity.sessionContext.attributes.creationDate' AS TIMESTAMP) AS session_created,
                     r->>'$.userIdentity.sessionContext.attributes.mfaAuthenticated' AS mfa_authenticated,
                     r->>'$.userIdentity.invokedBy' AS invoked_by,
                     r->>'$.sourceIPAddress' AS source_ip, r->>'$.userAgent' AS user_agent,
                     r->>'$.errorCode' AS error_code, r->>'$.errorMessage' AS error_message,
                     r->>'$.requestID' AS request_id, r->>'$.sharedEventID' AS shared_event_id,
                     r->>'$.responseElements.credentials.accessKeyId' AS issued_access_key_id,
                     r->>'$.responseElements.assumedRoleUser.arn' AS issued_arn,
                     r->>'$.responseElements.assumedRoleUser.assumedRoleId' AS issued_principal_id,
                     r->>'$.requestParameters.roleArn' AS role_arn,
                     r->>'$.requestParameters.roleSessionName' AS role_session_name,
                     coalesce(r->>'$.responseElements.subjectFromWebIdentityToken', r->>'$.responseElements.subject') AS federation_subject,
                     coalesce(r->>'$.responseElements.provider', r->>'$.requestParameters.principalArn') AS federation_provider
              FROM kept
            ) TO '{{output}}' (FORMAT parquet, COMPRESSION zstd);
            """;
        var clock = Stopwatch.StartNew();
        command.ExecuteNonQuery();
        return clock.Elapsed;
    }
}
