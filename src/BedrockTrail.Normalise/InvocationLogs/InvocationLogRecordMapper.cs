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
        if (record.Str("schemaType") != "ModelInvocationLog")
        {
            return MapResult.Skipped;
        }

        var requestId = record.Str("requestId");
        var timestampText = record.Str("timestamp");
        var timestamp = LenientTime.Parse(timestampText);
        if (requestId is null || timestamp is null)
        {
            failure = requestId is null ? "missing requestId"
                : timestampText is null ? "missing timestamp" : "unreadable timestamp '" + timestampText + "'";
            return MapResult.Failed;
        }

        var input = record.Obj("input");
        var output = record.Obj("output");
        var modelId = record.Str("modelId");
        sink.Add(new InvocationLogRecord
        {
            RequestId = requestId,
            EventTime = timestamp.Value,
            AccountId = record.Str("accountId"),
            Region = record.Str("region"),
            Operation = record.Str("operation"),
            ModelId = modelId,
            BaseModelId = ModelIds.BaseModelOf(modelId),
            IdentityArn = record.Obj("identity").Str("arn"),
            InputTokens = input.Long("inputTokenCount"),
            OutputTokens = output.Long("outputTokenCount"),
            CacheReadInputTokens = input.Long("cacheReadInputTokenCount"),
            CacheWriteInputTokens = input.Long("cacheWriteInputTokenCount"),
            InferenceRegion = record.Str("inferenceRegion"),
            ErrorCode = record.Str("errorCode"),
            SourceObject = sourceObject,
        });
        return MapResult.Kept;
    }
}
