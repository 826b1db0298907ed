namespace BedrockTrail.Lake;

/// <summary>One Bedrock model invocation log record: a row of the lake's <c>invocation_logs</c> table.</summary>
public sealed record InvocationLogRecord
{
    /// <summary>The service request id; joins to <c>bedrock_calls.request_id</c>.</summary>
    public required string RequestId { get; init; }
    public required DateTime EventTime { get; init; }
    public string? AccountId { get; init; }
    public string? Region { get; init; }
    public string? Operation { get; init; }
    public string? ModelId { get; init; }
    public string? BaseModelId { get; init; }
    /// <summary>identity.arn: the session ARN only, never an access key.</summary>
    public string? IdentityArn { get; init; }
    public long? InputTokens { get; init; }
    public long? OutputTokens { get; init; }
    public long? CacheReadInputTokens { get; init; }
    public long? CacheWriteInputTokens { get; init; }
    public string? InferenceRegion { get; init; }
    public string? ErrorCode { get; init; }
    public required string SourceObject { get; init; }
}
