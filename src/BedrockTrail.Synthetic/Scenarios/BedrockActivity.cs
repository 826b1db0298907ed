using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.World;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>
/// Bedrock events made by a session, in the shape of the real ones (stratus-red-team bedrock-invoke-model, Bedrock
/// user guide): eventSource bedrock.amazonaws.com for every endpoint, the endpoint only in the TLS host header,
/// runtime calls with only <c>modelId</c> and null responseElements. Every event is recorded in the truth's calls.
/// </summary>
internal sealed class BedrockActivity
{
    private readonly ScenarioContext _ctx;

    public BedrockActivity(ScenarioContext ctx)
    {
        _ctx = ctx;
    }

    /// <summary>Plants <paramref name="count"/> invocations at random times in the session's life (inside the window).</summary>
    public int Burst(SessionActor s, int count)
    {
        var made = 0;
        var from = s.ValidFrom < _ctx.World.Start ? _ctx.World.Start : s.ValidFrom;
        var to = s.ValidTo > _ctx.World.End ? _ctx.World.End : s.ValidTo;
        var seconds = (int)Math.Max(2, (to - from).TotalSeconds - 1);
        for (var i = 0; i < count; i++)
        {
            if (Invoke(s, from.AddSeconds(_ctx.Rng.Next(1, seconds))) is not null)
            {
                made++;
            }
        }

        return made;
    }

    /// <summary>One runtime invocation; returns its event id, or null when it fell outside the corpus.</summary>
    public string? Invoke(SessionActor s, DateTimeOffset time, string? region = null, string? operation = null, string? modelId = null, string? errorCode = null, string? errorMessage = null)
    {
        var rng = _ctx.Rng;
        region ??= s.Region;
        operation ??= rng.Pick(ModelCatalog.InvokeOperations);
        modelId ??= ModelCatalog.AsCalled(rng, region, s.AccountId);
        var inferenceRegion = errorCode is null ? ModelCatalog.InferenceRegion(rng, modelId, region) : null;
        var requestId = _ctx.NewId();
        var e = new TrailEvent
        {
            EventVersion = "1.10",
            UserIdentity = s.Caller,
            EventTime = time,
            EventSource = "bedrock.amazonaws.com",
            EventName = operation,
            AwsRegion = region,
            SourceIp = s.SourceIp,
            UserAgent = s.UserAgent,
            ErrorCode = errorCode,
            ErrorMessage = errorMessage,
            RequestParameters = w =>
            {
                w.WriteStartObject();
                w.WriteString("modelId", modelId);
                w.WriteEndObject();
            },
            AdditionalEventData = inferenceRegion is null && !s.BearerToken ? null : w =>
            {
                w.WriteStartObject();
                if (inferenceRegion is not null)
                {
                    w.WriteString("inferenceRegion", inferenceRegion);
                }

                if (s.BearerToken)
                {
                    w.WriteBoolean("callWithBearerToken", true);
                }

                w.WriteEndObject();
            },
            RequestId = requestId,
            EventId = _ctx.NewId(),
            ReadOnly = true,
            RecipientAccountId = s.AccountId,
            Host = "bedrock-runtime." + region + ".amazonaws.com",
        };
        if (!_ctx.Plan.Add(e, RecordKind.BedrockInvocation))
        {
            return null;
        }

        _ctx.Plan.AddCall(e.EventId, s);
        if (errorCode is null && rng.Chance(_ctx.World.Options.InvocationLogShare))
        {
            var input = rng.Next(12, 4000);
            _ctx.Plan.InvocationLogs.Add(new InvocationLogEntry(
                s.AccountId, region, time, requestId, operation, modelId, s.SessionArn, input, rng.Next(5, 2000), rng.Chance(0.2) ? rng.Next(100, 3000) : null, inferenceRegion));
        }

        return e.EventId;
    }

    /// <summary>A control-plane call on the bedrock endpoint (model access, logging configuration, customisation...).</summary>
    public string? Control(SessionActor s, DateTimeOffset time, string eventName, JsonPart? request, JsonPart? response, bool readOnly, string? region = null, string? errorCode = null, string? errorMessage = null)
    {
        region ??= s.Region;
        var e = new TrailEvent
        {
            EventVersion = "1.09",
            UserIdentity = s.Caller,
            EventTime = time,
            EventSource = "bedrock.amazonaws.com",
            EventName = eventName,
            AwsRegion = region,
            SourceIp = s.SourceIp,
            UserAgent = s.UserAgent,
            ErrorCode = errorCode,
            ErrorMessage = errorMessage,
            RequestParameters = request,
            ResponseElements = response,
            RequestId = _ctx.NewId(),
            EventId = _ctx.NewId(),
            ReadOnly = readOnly,
            RecipientAccountId = s.AccountId,
            Host = "bedrock." + region + ".amazonaws.com",
        };
        if (!_ctx.Plan.Add(e, RecordKind.Bedrock))
        {
            return null;
        }

        _ctx.Plan.AddCall(e.EventId, s);
        return e.EventId;
    }

    /// <summary>An agent invocation: a data event (eventCategory Data, managementEvent false) on bedrock-agent-runtime.</summary>
    public string? InvokeAgent(SessionActor s, DateTimeOffset time, string agentId, string aliasId)
    {
        var region = s.Region;
        var sessionId = _ctx.NewId();
        var aliasArn = "arn:aws:bedrock:" + region + ":" + s.AccountId + ":agent-alias/" + agentId + "/" + aliasId;
        var e = new TrailEvent
        {
            EventVersion = "1.09",
            UserIdentity = s.Caller,
            EventTime = time,
            EventSource = "bedrock.amazonaws.com",
            EventName = "InvokeAgent",
            AwsRegion = region,
            SourceIp = s.SourceIp,
            UserAgent = s.UserAgent,
            RequestParameters = w =>
            {
                w.WriteStartObject();
                w.WriteString("agentId", agentId);
                w.WriteString("agentAliasId", aliasId);
                w.WriteString("sessionId", sessionId);
                w.WriteEndObject();
            },
            RequestId = _ctx.NewId(),
            EventId = _ctx.NewId(),
            ReadOnly = false,
            Resources = w =>
            {
                w.WriteStartArray();
                w.WriteStartObject();
                w.WriteString("accountId", s.AccountId);
                w.WriteString("type", "AWS::Bedrock::AgentAlias");
                w.WriteString("ARN", aliasArn);
                w.WriteEndObject();
                w.WriteEndArray();
            },
            ManagementEvent = false,
            RecipientAccountId = s.AccountId,
            EventCategory = "Data",
            Host = "bedrock-agent-runtime." + region + ".amazonaws.com",
        };
        if (!_ctx.Plan.Add(e, RecordKind.Bedrock))
        {
            return null;
        }

        _ctx.Plan.AddCall(e.EventId, s);
        return e.EventId;
    }

    /// <summary>A JSON part holding just <c>{"modelId": ...}</c>.</summary>
    public static JsonPart ModelIdPart(string modelId) => w =>
    {
        w.WriteStartObject();
        w.WriteString("modelId", modelId);
        w.WriteEndObject();
    };

    public static JsonPart Object(params (string Name, string Value)[] fields) => w =>
    {
        w.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
    };
}
