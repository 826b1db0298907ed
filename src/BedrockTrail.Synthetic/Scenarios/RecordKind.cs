namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>What a planted record is, for the truth's totals.</summary>
internal enum RecordKind
{
    Bedrock,
    BedrockInvocation,
    Credential,
    Other,
}

/// <summary>A rendered record waiting for its delivery file.</summary>
internal sealed record PlannedRecord(string AccountId, string Region, DateTimeOffset Time, RecordKind Kind, string EventId, byte[] Json);

/// <summary>One model invocation log record to write (tokens for a CloudTrail request id).</summary>
internal sealed record InvocationLogEntry(
    string AccountId,
    string Region,
    DateTimeOffset Time,
    string RequestId,
    string Operation,
    string ModelId,
    string IdentityArn,
    int InputTokens,
    int OutputTokens,
    int? CacheReadTokens,
    string? InferenceRegion);
