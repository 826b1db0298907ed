using System.Text;
using BedrockTrail.Normalise.InvocationLogs;
using BedrockTrail.Normalise.Tests.Support;

namespace BedrockTrail.Normalise.Tests.InvocationLogs;

public sealed class InvocationLogDecoderTests
{
    private static (CollectingSink Sink, DecodeOutcome Outcome) Decode(string text)
    {
        var sink = new CollectingSink();
        return (sink, new InvocationLogDecoder().Decode(Encoding.UTF8.GetBytes(text), "AWSLogs/1/BedrockModelInvocationLogs/us-east-1/x.json", sink));
    }

    [Fact]
    public void Decode_DocumentedRecordPrettyPrinted_MapsEveryField()
    {
        var (sink, outcome) = Decode(TrailFiles.Sample("awsdocs", "bedrock-ug-model-invocation-logging.log-entry-format.json"));

        Assert.Equal((ObjectVerdict.Ok, 1, 1), (outcome.Verdict, outcome.RecordsScanned, outcome.RowsKept));
        var record = Assert.Single(sink.Invocations);
        Assert.Equal("abcd1234-5678-efgh-ijkl-mnopqrstuvwx", record.RequestId);
        Assert.Equal(new DateTime(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc), record.EventTime);
        Assert.Equal("123456789012", record.AccountId);
        Assert.Equal("us-east-1", record.Region);
        Assert.Equal("Converse", record.Operation);
        Assert.Equal("anthropic.claude-sonnet-4-20250514-v1:0", record.ModelId);
        Assert.Equal("anthropic.claude-sonnet-4-20250514-v1:0", record.BaseModelId);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/MyRole/session-name", record.IdentityArn);
        Assert.Equal(25L, record.InputTokens);
        Assert.Equal(150L, record.OutputTokens);
        Assert.Null(record.CacheReadInputTokens);
        Assert.Null(record.ErrorCode);
        Assert.Equal("AWSLogs/1/BedrockModelInvocationLogs/us-east-1/x.json", record.SourceObject);
    }

    [Fact]
    public void Decode_JsonLinesWithBadAndPartialLines_KeepsTheGoodOnes()
    {
        // Given JSON lines as Bedrock writes them: a full record, one with missing fields, a broken line,
        // a record of another schema, one without requestId, and a blank line
        var lines = string.Join("\n",
            """{"schemaType":"ModelInvocationLog","timestamp":"2025-05-15T14:17:22Z","requestId":"r1","modelId":"us.anthropic.claude-3-haiku-20240307-v1:0","input":{"inputTokenCount":10,"cacheReadInputTokenCount":"4","cacheWriteInputTokenCount":2},"output":{"outputTokenCount":20},"inferenceRegion":"us-west-2"}""",
            """{"schemaType":"ModelInvocationLog","timestamp":"2025-05-15 14:17:23.000000000","requestId":"r2","errorCode":"ThrottlingException"}""",
            """{"schemaType":"ModelInvocationLog","timestamp":"2025-05-15T14:17:24Z","requestId":"r3",""",
            """{"schemaType":"SomethingElse","requestId":"r4"}""",
            """{"schemaType":"ModelInvocationLog","timestamp":"2025-05-15T14:17:25Z"}""",
            "",
            """{"schemaType":"ModelInvocationLog","timestamp":"2025-05-15T14:17:26Z","requestId":"r6"}""");

        var (sink, outcome) = Decode(lines + "\n");

        Assert.Equal((ObjectVerdict.Ok, 6, 3), (outcome.Verdict, outcome.RecordsScanned, outcome.RowsKept));
        Assert.Equal(["r1", "r2", "r6"], sink.Invocations.Select(r => r.RequestId));
        Assert.Equal([2, 4], outcome.RecordFailures.Select(f => f.RecordIndex));
        Assert.StartsWith("malformed JSON: ", outcome.RecordFailures[0].Reason, StringComparison.Ordinal);
        Assert.Equal("missing requestId", outcome.RecordFailures[1].Reason);

        var full = sink.Invocations[0];
        Assert.Equal(("anthropic.claude-3-haiku-20240307-v1:0", 10L, 20L, 4L, 2L, "us-west-2"),
            (full.BaseModelId, full.InputTokens, full.OutputTokens, full.CacheReadInputTokens, full.CacheWriteInputTokens, full.InferenceRegion));
        var sparse = sink.Invocations[1];
        Assert.Equal(new DateTime(2025, 5, 15, 14, 17, 23, DateTimeKind.Utc), sparse.EventTime);
        Assert.Equal("ThrottlingException", sparse.ErrorCode);
        Assert.Null(sparse.InputTokens);
        Assert.Null(sparse.ModelId);
        Assert.Null(sparse.IdentityArn);
    }

    [Fact]
    public void Decode_PantherRecordsAsJsonArray_ReadsAll()
    {
        var files = Directory.EnumerateFiles(Path.Combine(BedrockTrail.TestSupport.RepoPaths.Samples, "panther-analysis"), "aws_bedrockmodelinvocation_*").Order(StringComparer.Ordinal).ToList();
        var array = "[" + string.Join(",", files.Select(File.ReadAllText)) + "]";

        var (sink, outcome) = Decode(array);

        Assert.Equal((ObjectVerdict.Ok, 6, 6), (outcome.Verdict, outcome.RecordsScanned, outcome.RowsKept));
        var unusual = sink.Invocations[0];
        Assert.Equal("bb98d9a8-bd9a-47ca-976b-f165ef1f8b67", unusual.RequestId);
        Assert.Equal(new DateTime(2025, 5, 15, 14, 17, 22, DateTimeKind.Utc), unusual.EventTime);
        Assert.Equal(0L, unusual.InputTokens);
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/role_details/suspicious.user", unusual.IdentityArn);
        Assert.Contains(sink.Invocations, r => r.Operation == "InvokeModel" && r.InputTokens is null);
    }

    [Theory]
    [InlineData("", ObjectVerdict.Empty)]
    [InlineData("not json at all", ObjectVerdict.Malformed)]
    [InlineData("[{\"schemaType\":\"ModelInvocationLog\"", ObjectVerdict.Truncated)]
    public void Decode_WholeObjectShapes_GiveTheirVerdict(string text, ObjectVerdict verdict)
    {
        Assert.Equal(verdict, Decode(text).Outcome.Verdict);
    }
}
