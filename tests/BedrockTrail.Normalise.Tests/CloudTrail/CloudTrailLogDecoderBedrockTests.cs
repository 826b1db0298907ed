using BedrockTrail.Normalise.Tests.Support;

namespace BedrockTrail.Normalise.Tests.CloudTrail;

public sealed class CloudTrailLogDecoderBedrockTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi, int s) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    [Fact]
    public void Decode_DocumentedInvokeModel_MapsEveryField()
    {
        // Given the InvokeModel example of the Bedrock user guide
        var (sink, outcome) = TrailFiles.DecodeSample("awsdocs", "bedrock-ug-logging-using-cloudtrail.InvokeModel.json");

        // Then one call with every documented field
        Assert.Equal(ObjectVerdict.Ok, outcome.Verdict);
        Assert.Equal((1, 1), (outcome.RecordsScanned, outcome.RowsKept));
        Assert.Empty(sink.Issuances);
        var call = Assert.Single(sink.Calls);
        Assert.Equal("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111 ", call.EventId); // the page's trailing space, kept verbatim
        Assert.Equal(Utc(2023, 10, 11, 21, 58, 59), call.EventTime);
        Assert.Equal(DateTimeKind.Utc, call.EventTime.Kind);
        Assert.Equal("bedrock.amazonaws.com", call.EventSource);
        Assert.Equal("InvokeModel", call.EventName);
        Assert.Equal("111122223333", call.AccountId);
        Assert.Equal("us-west-2", call.Region);
        Assert.Equal("Management", call.EventCategory);
        Assert.Equal("stability.stable-diffusion-xl-v0", call.ModelId);
        Assert.Equal("stability.stable-diffusion-xl-v0", call.BaseModelId);
        Assert.Equal("IAMUser", call.PrincipalType);
        Assert.Equal("AROAICFHPEXAMPLE", call.PrincipalId);
        Assert.Equal("arn:aws:iam::111122223333:user/userxyz", call.PrincipalArn);
        Assert.Equal("111122223333", call.PrincipalAccountId);
        Assert.Equal("userxyz", call.UserName);
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", call.AccessKeyId);
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", call.SessionKey);
        Assert.Null(call.SessionName);
        Assert.Null(call.SessionIssuerArn);
        Assert.Equal("192.0.2.0", call.SourceIp);
        Assert.StartsWith("Boto3/1.28.62", call.UserAgent, StringComparison.Ordinal);
        Assert.Equal("bedrock-runtime.us-west-2.amazonaws.com", call.EndpointHost);
        Assert.Equal("a1b2c3d4-5678-90ab-cdef-EXAMPLE22222", call.RequestId);
        Assert.False(call.ReadOnly);
        Assert.Null(call.ErrorCode);
        Assert.Null(call.CallWithBearerToken);
        Assert.Null(call.InferenceRegion);
        Assert.Equal("bedrock-ug-logging-using-cloudtrail.InvokeModel.json", call.SourceObject);
    }

    [Fact]
    public void Decode_StratusBedrockSequence_KeepsAllFifteenWithSessionContext()
    {
        // Given the Stratus Red Team LLMjacking detonation (an array of 15 Bedrock events)
        var (sink, outcome) = TrailFiles.DecodeSample("stratus-red-team", "aws.impact.bedrock-invoke-model.json");

        Assert.Equal((ObjectVerdict.Ok, 15, 15), (outcome.Verdict, outcome.RecordsScanned, outcome.RowsKept));
        Assert.Equal(15, sink.Calls.Count);
        Assert.Equal(10, sink.Calls.Count(c => c.EventName == "GetFoundationModelAvailability"));

        // Then PutUseCaseForModelAccess, whose requestParameters is null, has no model
        var useCase = Assert.Single(sink.Calls, c => c.EventName == "PutUseCaseForModelAccess");
        Assert.Null(useCase.ModelId);
        Assert.Null(useCase.BaseModelId);
        Assert.False(useCase.ReadOnly);
        Assert.Equal("bedrock.megov-northeast-1r.amazonaws.com", useCase.EndpointHost);

        // And InvokeModel carries the model and the assumed-role session
        var invoke = Assert.Single(sink.Calls, c => c.EventName == "InvokeModel");
        Assert.Equal("51d580ea-04f5-421c-b733-b5e4ec485a6e", invoke.EventId);
        Assert.Equal(Utc(2024, 10, 17, 20, 11, 24), invoke.EventTime);
        Assert.Equal("anthropic.claude-3-sonnet-20240229-v1:0", invoke.ModelId);
        Assert.Equal("anthropic.claude-3-sonnet-20240229-v1:0", invoke.BaseModelId);
        Assert.Equal("AssumedRole", invoke.PrincipalType);
        Assert.Equal("AROA2N7TQQRGKJYPCLOG0:cli", invoke.PrincipalId);
        Assert.Equal("arn:aws:sts::494659789341:assumed-role/test-role/cli", invoke.PrincipalArn);
        Assert.Equal("ASIA6FTSFH98XNF7DFZB", invoke.AccessKeyId);
        Assert.Equal("ASIA6FTSFH98XNF7DFZB", invoke.SessionKey);
        Assert.Equal("cli", invoke.SessionName);
        Assert.Equal("Role", invoke.SessionIssuerType);
        Assert.Equal("arn:aws:iam::494659789341:role/test-role", invoke.SessionIssuerArn);
        Assert.Equal("AROA2N7TQQRGKJYPCLOG0", invoke.SessionIssuerPrincipalId);
        Assert.Equal(Utc(2024, 10, 17, 20, 7, 50), invoke.SessionCreated);
        Assert.False(invoke.MfaAuthenticated);
        Assert.Equal("bedrock-runtime.megov-northeast-1r.amazonaws.com", invoke.EndpointHost);
        Assert.Equal("021634af-f7c2-48a2-b140-98f50d47ede9", invoke.RequestId);
        Assert.Equal("035.249.253.232", invoke.SourceIp);
        Assert.True(invoke.ReadOnly);
        Assert.Equal("megov-northeast-1r", invoke.Region);
    }

    [Fact]
    public void Decode_MantleCreateInference_ReadsModelAndBearerTokenFromRequest()
    {
        var (sink, _) = TrailFiles.DecodeSample("awsdocs", "bedrock-ug-logging-cloudtrail-mantle.CreateInference-data-event.json");

        var call = Assert.Single(sink.Calls);
        Assert.Equal("bedrock-mantle.amazonaws.com", call.EventSource);
        Assert.Equal("CreateInference", call.EventName);
        Assert.Equal("Data", call.EventCategory);
        Assert.Equal("anthropic.claude-opus-4-7", call.ModelId);
        Assert.Equal("anthropic.claude-opus-4-7", call.BaseModelId);
        Assert.True(call.CallWithBearerToken);
        Assert.Equal("bedrock-mantle.us-east-1.api.aws", call.EndpointHost);
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", call.SessionKey);
        Assert.Equal(Utc(2026, 5, 30, 14, 32, 11), call.EventTime);
    }

    [Fact]
    public void Decode_PantherConsoleSession_ReadsSpaceSeparatedTimeAndFromConsole()
    {
        // Given Panther's normalised event: "2025-01-21 17:49:47.000000000", sessionCredentialFromConsole as a boolean
        var (sink, _) = TrailFiles.DecodeSample("panther-analysis",
            "aws_bedrock_deletemodelinvocationloggingconfiguration--01-DeleteModelInvocationLoggingConfiguration-Model_Invocation_Logging_Configuration_Deleted.json");

        var call = Assert.Single(sink.Calls);
        Assert.Equal(Utc(2025, 1, 21, 17, 49, 47), call.EventTime);
        Assert.True(call.FromConsole);
        Assert.Equal("dr.evil", call.SessionName);
        Assert.Equal("arn:aws:iam::123123123123:role/aws-reserved/sso.amazonaws.com/us-west-2/DevAdmin", call.SessionIssuerArn);
        Assert.Equal(Utc(2025, 1, 21, 16, 8, 3), call.SessionCreated);
        Assert.Null(call.ModelId);
    }

    [Fact]
    public void Decode_AgentDataEventWithModelOnlyInResources_TakesModelArn()
    {
        // Given a hand-made data event that names its model only in resources[] (as agent and async calls do)
        const string Log = """
            {"Records":[{"eventTime":"2025-03-01T10:00:00Z","eventID":"e-1","eventSource":"bedrock.amazonaws.com",
              "eventName":"StartAsyncInvoke","requestParameters":{"clientRequestToken":"x"},
              "resources":[{"type":"AWS::Bedrock::Something","ARN":"arn:aws:s3:::bucket"},
                           {"type":"AWS::Bedrock::InferenceProfile","ARN":"arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0"}],
              "userIdentity":{"type":"AWSService","invokedBy":"bedrock.amazonaws.com"},
              "additionalEventData":{"inferenceRegion":"us-west-2","callWithBearerToken":"true"}}]}
            """;

        var (sink, _) = TrailFiles.Decode(Log);

        var call = Assert.Single(sink.Calls);
        Assert.Equal("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0", call.ModelId);
        Assert.Equal("amazon.nova-pro-v1:0", call.BaseModelId);
        Assert.Equal("us-west-2", call.InferenceRegion);
        Assert.True(call.CallWithBearerToken);
        Assert.Equal("service:bedrock.amazonaws.com", call.SessionKey);
    }

    [Theory]
    [InlineData("bedrock-runtime.amazonaws.com")]
    [InlineData("bedrock-agent.amazonaws.com")]
    [InlineData("bedrock-agent-runtime.amazonaws.com")]
    [InlineData("bedrock-mantle.amazonaws.com")]
    public void Decode_EveryBedrockEventSource_IsKept(string eventSource)
    {
        var (sink, _) = TrailFiles.Decode($$"""{"Records":[{"eventTime":"2025-03-01T10:00:00Z","eventID":"e-1","eventSource":"{{eventSource}}","eventName":"X"}]}""");

        Assert.Equal(eventSource, Assert.Single(sink.Calls).EventSource);
    }
}
