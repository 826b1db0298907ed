using System.Text;
using BedrockTrail.Normalise.CloudTrail;
using BedrockTrail.Normalise.Tests.Support;

namespace BedrockTrail.Normalise.Tests.CloudTrail;

public sealed class CloudTrailLogDecoderRobustnessTests
{
    private const string Invoke = """{"eventTime":"2025-01-01T00:00:00Z","eventID":"a","eventSource":"bedrock.amazonaws.com","eventName":"InvokeModel","requestParameters":{"modelId":"m"}}""";
    private const string Assume = """{"eventTime":"2025-01-01T00:00:01Z","eventID":"b","eventSource":"sts.amazonaws.com","eventName":"AssumeRole","responseElements":{"credentials":{"accessKeyId":"ASIAB"}}}""";

    [Fact]
    public void Decode_MalformedRecordInTheMiddle_FailsOnlyThatRecord()
    {
        // Given a Bedrock record with a missing comma between two good records
        const string Broken = """{"eventTime":"2025-01-01T00:00:00Z" "eventID":"x","eventSource":"bedrock.amazonaws.com","eventName":"Converse"}""";
        var log = "{\"Records\":[" + Invoke + "," + Broken + "," + Assume + "]}";

        var (sink, outcome) = TrailFiles.Decode(log);

        Assert.Equal((ObjectVerdict.Ok, 3, 2), (outcome.Verdict, outcome.RecordsScanned, outcome.RowsKept));
        var failure = Assert.Single(outcome.RecordFailures);
        Assert.Equal(1, failure.RecordIndex);
        Assert.StartsWith("malformed JSON: ", failure.Reason, StringComparison.Ordinal);
        Assert.Equal("a", Assert.Single(sink.Calls).EventId);
        Assert.Equal("b", Assert.Single(sink.Issuances).EventId);
    }

    [Theory]
    [InlineData("42", "record is not a JSON object")]
    [InlineData("null", "record is not a JSON object")]
    [InlineData("""{"eventID":"c","eventSource":"bedrock.amazonaws.com","eventName":"Converse"}""", "missing eventTime")]
    [InlineData("""{"eventTime":"yesterday","eventID":"c","eventSource":"bedrock.amazonaws.com","eventName":"Converse"}""", "unreadable eventTime 'yesterday'")]
    [InlineData("""{"eventTime":"2025-01-01T00:00:00Z","eventSource":"bedrock.amazonaws.com","eventName":"Converse"}""", "missing eventID")]
    [InlineData("""{"eventTime":"2025-01-01T00:00:00Z","eventID":"c","eventName":"Converse"}""", "missing eventSource")]
    [InlineData("""{"eventTime":"2025-01-01T00:00:00Z","eventID":"c","eventSource":"bedrock.amazonaws.com"}""", "missing eventName")]
    public void Decode_UnusableRecord_IsARecordFailureAndTheRestIsKept(string record, string reason)
    {
        var (sink, outcome) = TrailFiles.Decode("{\"Records\":[" + Invoke + "," + record + "," + Assume + "]}");

        Assert.Equal(ObjectVerdict.Ok, outcome.Verdict);
        Assert.Equal(new RecordFailure(1, reason), Assert.Single(outcome.RecordFailures));
        Assert.Equal(2, sink.AllRows.Count());
    }

    [Fact]
    public void Decode_NoiseRecordWithoutEventTime_IsSkippedNotFailed()
    {
        const string Noise = """{"eventID":"n","eventSource":"s3.amazonaws.com","eventName":"GetObject"}""";

        var (_, outcome) = TrailFiles.Decode("{\"Records\":[" + Noise + "]}");

        Assert.Equal((ObjectVerdict.Ok, 1, 0), (outcome.Verdict, outcome.RecordsScanned, outcome.RowsKept));
        Assert.Empty(outcome.RecordFailures);
    }

    [Fact]
    public void Decode_FileCutAnywhere_KeepsEveryCompleteRecordBeforeTheCut()
    {
        // Given a real 15-record file, cut at every 97th byte
        var events = TrailFiles.EventsOf(Path.Combine(BedrockTrail.TestSupport.RepoPaths.Samples, "stratus-red-team", "aws.impact.bedrock-invoke-model.json"));
        var prefix = "{\"Records\":[";
        var ends = new List<int>();
        var text = new StringBuilder(prefix);
        foreach (var e in events)
        {
            text.Append(e);
            ends.Add(text.Length);
            text.Append(',');
        }

        text.Length--;
        var full = text.Append("]}").ToString();
        for (var cut = prefix.Length; cut < ends[^1]; cut += 97)
        {
            var expected = ends.Count(end => end <= cut);

            var (sink, outcome) = TrailFiles.Decode(full[..cut]);

            // Then the object is Truncated and the complete records before the cut are all there
            Assert.Equal(ObjectVerdict.Truncated, outcome.Verdict);
            Assert.Equal(expected, outcome.RecordsScanned);
            Assert.Equal(expected, sink.Calls.Count);
            Assert.Equal($"truncated inside the records after {expected} complete records ({expected} rows salvaged)", outcome.ObjectFailure);
        }
    }

    [Fact]
    public void Decode_CutAfterTheArray_IsStillComplete()
    {
        var (sink, outcome) = TrailFiles.Decode("{\"Records\":[" + Invoke + "]");

        Assert.Equal((ObjectVerdict.Ok, 1), (outcome.Verdict, sink.Calls.Count));
    }

    [Fact]
    public void Decode_CutBeforeTheArray_IsTruncatedWithNothingSalvaged()
    {
        var (_, outcome) = TrailFiles.Decode("{\"Reco");

        Assert.Equal(ObjectVerdict.Truncated, outcome.Verdict);
        Assert.Equal(0, outcome.RecordsScanned);
    }

    [Fact]
    public void Decode_DigestFile_IsNotCloudTrail()
    {
        const string Digest = """
            {"awsAccountId":"111122223333","digestStartTime":"2025-01-01T00:00:00Z","digestS3Bucket":"b",
             "logFiles":[{"s3Bucket":"b","s3Object":"k","hashValue":"00","hashAlgorithm":"SHA-256"}],"digestSignatureAlgorithm":"SHA256withRSA"}
            """;

        var (_, outcome) = TrailFiles.Decode(Digest);

        Assert.Equal(ObjectVerdict.NotCloudTrail, outcome.Verdict);
        Assert.Equal("CloudTrail digest file (logFiles, no Records)", outcome.ObjectFailure);
    }

    [Theory]
    [InlineData("", ObjectVerdict.Empty)]
    [InlineData("  \n\t ", ObjectVerdict.Empty)]
    [InlineData("hello, world", ObjectVerdict.Malformed)]
    [InlineData("{\"Records\": nope}", ObjectVerdict.Malformed)]
    [InlineData("{\"Records\": null}", ObjectVerdict.Malformed)]
    [InlineData("[1,2,", ObjectVerdict.Malformed)]
    [InlineData("[{\"eventID\":\"x\"}]", ObjectVerdict.NotCloudTrail)]
    [InlineData("{\"eventID\":\"x\",\"eventSource\":\"bedrock.amazonaws.com\"}", ObjectVerdict.NotCloudTrail)]
    [InlineData("{\"Records\":[]}", ObjectVerdict.Ok)]
    [InlineData("{\"Records\":[{}] , ", ObjectVerdict.Ok)]
    public void Decode_WholeObjectShapes_GiveTheirVerdict(string text, ObjectVerdict verdict)
    {
        var (sink, outcome) = TrailFiles.Decode(text);

        Assert.Equal(verdict, outcome.Verdict);
        Assert.Equal(verdict == ObjectVerdict.Ok, outcome.ObjectFailure is null);
        Assert.Empty(sink.AllRows);
    }

    [Fact]
    public void Decode_RandomBinaryGarbage_IsMalformedNotAnException()
    {
        var random = new Random(42);
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            var outcome = new CloudTrailLogDecoder().Decode(bytes, "garbage", new CollectingSink());
            Assert.NotEqual(ObjectVerdict.Ok, outcome.Verdict);
        }

        // A gzip header (a caller that forgot to decompress) is garbage too
        var gzip = new CloudTrailLogDecoder().Decode(new byte[] { 0x1f, 0x8b, 0x08, 0x00, 0x00 }, "k.json.gz", new CollectingSink());
        Assert.Equal(ObjectVerdict.Malformed, gzip.Verdict);
    }

    [Theory]
    [InlineData("iam-ug-cloudtrail-integration-06-AssumeRoleWithSAML.json")]
    [InlineData("iam-ug-cloudtrail-integration-07-AssumeRoleWithWebIdentity.json")]
    [InlineData("iam-ug-cloudtrail-integration-08-ConsoleLogin.json")]
    public void Decode_NotStrictJsonDocsSamples_AreFailedCleanly(string file)
    {
        var text = TrailFiles.Sample("awsdocs", file);

        // As a record of a log file: that record fails, the file is fine
        var (wrapped, outcome) = TrailFiles.Decode(TrailFiles.Wrap(text));
        Assert.Equal(ObjectVerdict.Ok, outcome.Verdict);
        Assert.StartsWith("malformed JSON: ", Assert.Single(outcome.RecordFailures).Reason, StringComparison.Ordinal);
        Assert.Empty(wrapped.AllRows);

        // As a whole object: malformed
        var (_, bare) = TrailFiles.Decode(text);
        Assert.Equal(ObjectVerdict.Malformed, bare.Verdict);
    }

    [Fact]
    public void Decode_Utf8BomAndCrLf_AreAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\r\n\"Records\" : [\r\n" + Invoke + "\r\n]\r\n}")).ToArray();

        var sink = new CollectingSink();
        var outcome = new CloudTrailLogDecoder().Decode(bytes, "bom", sink);

        Assert.Equal((ObjectVerdict.Ok, 1), (outcome.Verdict, sink.Calls.Count));
    }
}
