namespace BedrockTrail.Synthetic.Events;

/// <summary>Writes one JSON value (an object, usually) into an event.</summary>
internal delegate void JsonPart(System.Text.Json.Utf8JsonWriter writer);

/// <summary>
/// One CloudTrail record before rendering. Fields follow the real record's order (see fixtures/samples); a null
/// <see cref="RequestParameters"/> or <see cref="ResponseElements"/> renders as JSON null, as real trails do.
/// </summary>
internal sealed class TrailEvent
{
    public string EventVersion { get; set; } = "1.08";
    public required CallerIdentity UserIdentity { get; set; }
    public required DateTimeOffset EventTime { get; set; }
    public required string EventSource { get; set; }
    public required string EventName { get; set; }
    public required string AwsRegion { get; set; }
    public required string SourceIp { get; set; }
    public required string UserAgent { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public JsonPart? RequestParameters { get; set; }
    public JsonPart? ResponseElements { get; set; }
    public JsonPart? AdditionalEventData { get; set; }
    public required string RequestId { get; set; }
    public required string EventId { get; set; }
    public bool ReadOnly { get; set; }
    public JsonPart? Resources { get; set; }
    public string EventType { get; set; } = "AwsApiCall";
    public bool ManagementEvent { get; set; } = true;
    public required string RecipientAccountId { get; set; }
    public string? SharedEventId { get; set; }
    public JsonPart? ServiceEventDetails { get; set; }
    public string EventCategory { get; set; } = "Management";
    /// <summary>tlsDetails.clientProvidedHostHeader; null for events AWS services make on their own (no TLS block in real logs).</summary>
    public string? Host { get; set; }
}
