using System.Text.Json;
using BedrockTrail.Lake;
using BedrockTrail.Models;
using BedrockTrail.Normalise.CloudTrail;
using BedrockTrail.Normalise.Json;

namespace BedrockTrail.Normalise.InvocationLogs;

/// <summary>
/// One model invocation log record as an <see cref="InvocationLogRecord"/>: the metadata and token counts, never the
/// prompt or completion bodies (https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html).
/// </summary>
internal static class InvocationLogRecordMapper
{
    public static MapResult Map(JsonElement record, string sourceObject, IInvocationLogSink sink, out string? failure)
    {
        failure = null;
        if (record.ValueKind != JsonValueKind.Object)
        {
            failure = "record is not a JSON object";
            return MapResult.Failed;
        }

        // Other schema types (and objects without one) are not invocation records: skipped, not failed.
        if (record.Str("schemaType"u8) != "ModelInvocationLog")
        {
            return MapResult.Skipped;
        }

        var requestId = record.Str("requestId"u8);
        var timestampText = record.Str("timestamp"u8);
        var timestamp = LenientTime.Parse(timestampText);
        if (requestId is null || timestamp is null)
        {
            failure = requestId is null ? "missing requestId"
                : timestampText is null ? "missing timestamp" : "unreadable timestamp '" + timestampText + "'";
            return MapResult.Failed;
        }

        var input = record.Obj("input"u8);
        var output = record.Obj("output"u8);
        var modelId = record.Str("modelId"u8);
        sink.Add(new InvocationLogRecord
        {
            RequestId = requestId,
            EventTime = timestamp.Value,
            AccountId = record.Str("accountId"u8),
            Region = record.Str("region"u8),
            Operation = record.Str("operation"u8),
            ModelId = modelId,
            BaseModelId = ModelIds.BaseModelOf(modelId),
            IdentityArn = record.Obj("identity"u8).Str("arn"u8),
            InputTokens = input.Long("inputTokenCount"u8),
            OutputTokens = output.Long("outputTokenCount"u8),
            CacheReadInputTokens = input.Long("cacheReadInputTokenCount"u8),
            CacheWriteInputTokens = input.Long("cacheWriteInputTokenCount"u8),
            InferenceRegion = record.Str("inferenceRegion"u8),
            ErrorCode = record.Str("errorCode"u8),
            SourceObject = sourceObject,
        });
        return MapResult.Kept;
    }
}
