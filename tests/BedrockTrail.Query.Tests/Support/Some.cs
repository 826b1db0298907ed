using BedrockTrail.Lake;

namespace BedrockTrail.Query.Tests.Support;

/// <summary>Data makers for lake rows with plausible values; tests override what they assert on.</summary>
internal static class Some
{
    public static BedrockCall Call(string eventId, DateTime time, string accessKey = "ASIAEXAMPLEKEY000001", string? requestId = null) => new()
    {
        EventId = eventId,
        EventTime = time,
        EventSource = "bedrock.amazonaws.com",
        EventName = "InvokeModel",
        AccountId = "111122223333",
        Region = "us-east-1",
        ModelId = "anthropic.claude-3-5-sonnet-20240620-v1:0",
        BaseModelId = "anthropic.claude-3-5-sonnet-20240620-v1:0",
        PrincipalType = "AssumedRole",
        PrincipalArn = "arn:aws:sts::111122223333:assumed-role/BedrockInvoker/alice",
        AccessKeyId = accessKey,
        SessionKey = accessKey,
        SessionIssuerArn = "arn:aws:iam::111122223333:role/BedrockInvoker",
        SessionName = "alice",
        SessionCreated = time.AddMinutes(-5),
        MfaAuthenticated = false,
        RequestId = requestId ?? "req-" + eventId,
        ReadOnly = true,
        SourceObject = "file:///logs/a.json.gz",
    };

    public static CredentialEvent AssumeRole(string eventId, DateTime time, string issuedKey) => new()
    {
        EventId = eventId,
        EventTime = time,
        EventSource = "sts.amazonaws.com",
        EventName = "AssumeRole",
        AccountId = "111122223333",
        IssuedAccessKeyId = issuedKey,
        RoleArn = "arn:aws:iam::111122223333:role/BedrockInvoker",
        RoleSessionName = "alice",
        CallerType = "IAMUser",
        CallerArn = "arn:aws:iam::111122223333:user/alice",
        CallerAccessKeyId = "AKIAEXAMPLEKEY000001",
        SourceObject = "file:///logs/a.json.gz",
    };

    public static InvocationLogRecord Log(string requestId, DateTime time, long input, long output) => new()
    {
        RequestId = requestId,
        EventTime = time,
        AccountId = "111122223333",
        Region = "us-east-1",
        Operation = "InvokeModel",
        ModelId = "anthropic.claude-3-5-sonnet-20240620-v1:0",
        IdentityArn = "arn:aws:sts::111122223333:assumed-role/BedrockInvoker/alice",
        InputTokens = input,
        OutputTokens = output,
        SourceObject = "file:///logs/inv.json.gz",
    };

    public static IngestedObject Ingested(string sourceObject, string runId, DateTime at) => new()
    {
        SourceObject = sourceObject,
        ETag = "\"etag-" + sourceObject.Length + "\"",
        Size = 100,
        Kind = "cloudtrail",
        Status = "ingested",
        RecordsScanned = 1,
        RowsKept = 1,
        RecordsQuarantined = 0,
        IngestedAt = at,
        RunId = runId,
    };
}
