namespace BedrockTrail.Ingest.Layout;

/// <summary>Why an object under a log source is not read. Callers count these; none of them is an error.</summary>
public enum LogObjectSkipReason
{
    /// <summary>The object is read (its kind is not <see cref="LogObjectKind.Skipped"/>).</summary>
    None,

    /// <summary><c>CloudTrail-Digest/</c>: integrity digests, JSON with <c>logFiles[]</c> and no <c>Records</c>.</summary>
    Digest,

    /// <summary><c>CloudTrail-Insight/</c>: Insights events, not API calls.</summary>
    Insight,

    /// <summary>
    /// The <c>data/</c> subfolder of model invocation logs, where Bedrock puts large request and response bodies
    /// (https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html).
    /// </summary>
    InvocationLogData,

    /// <summary>The <c>amazon-bedrock-logs-permission-check</c> object Bedrock writes to test bucket access.</summary>
    PermissionCheck,

    /// <summary>A folder marker (a key ending in <c>/</c>), as consoles and sync tools create.</summary>
    FolderMarker,

    /// <summary>No <c>AWSLogs/</c> segment: not written by CloudTrail or Bedrock.</summary>
    NotUnderAwsLogs,

    /// <summary>Under <c>AWSLogs/&lt;account&gt;/</c> but another service (ELB, VPC flow logs, Config, ...).</summary>
    OtherService,

    /// <summary>Under a CloudTrail or Bedrock folder, but the key does not follow its layout.</summary>
    UnexpectedLayout,

    /// <summary>In the right place, but not named <c>*.json.gz</c> or <c>*.json</c>.</summary>
    NotJsonFile,
}
