using System.Text.Json;
using BedrockTrail.Normalise.Json;

namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>The result of mapping one parsed record.</summary>
internal enum MapResult
{
    Skipped,
    Kept,
    Failed,
}

/// <summary>
/// Turns one parsed CloudTrail record into at most one lake row. The record is classified first, so a noise record
/// is skipped whatever else is wrong with it (the fast path never parses noise, and both paths must agree); a kept
/// record without eventTime or eventID is a failure.
/// </summary>
internal static class CloudTrailRecordMapper
{
    public static MapResult Map(JsonElement record, string sourceObject, INormalisedRowSink sink, out string? failure)
    {
        failure = null;
        if (record.ValueKind != JsonValueKind.Object)
        {
            failure = "record is not a JSON object";
            return MapResult.Failed;
        }

        var eventSource = record.Str("eventSource"u8);
        var eventName = record.Str("eventName"u8);
        if (eventSource is null || eventName is null)
        {
            failure = eventSource is null ? "missing eventSource" : "missing eventName";
            return MapResult.Failed;
        }

        var kind = EventCatalog.Classify(eventSource, eventName);
        if (kind == EventKind.Skip)
        {
            return MapResult.Skipped;
        }

        var eventId = record.Str("eventID"u8);
        if (eventId is null)
        {
            failure = "missing eventID";
            return MapResult.Failed;
        }

        var eventTimeText = record.Str("eventTime"u8);
        var eventTime = LenientTime.Parse(eventTimeText);
        if (eventTime is null)
        {
            failure = eventTimeText is null ? "missing eventTime" : "unreadable eventTime '" + eventTimeText + "'";
            return MapResult.Failed;
        }

        var header = new EventHeader(eventId, eventTime.Value, eventSource, eventName, record, CallerIdentity.From(record.Obj("userIdentity"u8)), sourceObject);
        if (kind == EventKind.BedrockCall)
        {
            sink.Add(BedrockCallMapper.Map(header));
        }
        else
        {
            sink.Add(CredentialEventMapper.Map(header));
        }

        return MapResult.Kept;
    }
}
