using System.Text.Json;
using BedrockTrail.Normalise.Json;

namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>The fields every kept record must have, and the ones both row types share.</summary>
internal sealed record EventHeader(
    string EventId,
    DateTime EventTime,
    string EventSource,
    string EventName,
    JsonElement Record,
    CallerIdentity Caller,
    string SourceObject)
{
    public string? AccountId => Record.Str("recipientAccountId"u8);

    public string? Region => Record.Str("awsRegion"u8);

    public string? RequestId => Record.Str("requestID"u8);

    public string? SourceIp => Record.Str("sourceIPAddress"u8);

    public string? UserAgent => Record.Str("userAgent"u8);

    public string? ErrorCode => Record.Str("errorCode"u8);

    public string? ErrorMessage => Record.Str("errorMessage"u8);

    public JsonElement RequestParameters => Record.Obj("requestParameters"u8);

    public JsonElement ResponseElements => Record.Obj("responseElements"u8);

    public JsonElement AdditionalEventData => Record.Obj("additionalEventData"u8);
}
