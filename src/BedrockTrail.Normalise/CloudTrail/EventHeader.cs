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
    public string? AccountId => Record.Str("recipientAccountId");

    public string? Region => Record.Str("awsRegion");

    public string? RequestId => Record.Str("requestID");

    public string? SourceIp => Record.Str("sourceIPAddress");

    public string? UserAgent => Record.Str("userAgent");

    public string? ErrorCode => Record.Str("errorCode");

    public string? ErrorMessage => Record.Str("errorMessage");

    public JsonElement RequestParameters => Record.Obj("requestParameters");

    public JsonElement ResponseElements => Record.Obj("responseElements");

    public JsonElement AdditionalEventData => Record.Obj("additionalEventData");
}
