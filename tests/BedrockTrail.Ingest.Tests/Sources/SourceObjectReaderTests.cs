using BedrockTrail.Ingest.Bodies;
using BedrockTrail.Ingest.Retry;
using BedrockTrail.Ingest.Sources;
using BedrockTrail.Ingest.Tests.Support;
using BedrockTrail.TestSupport.S3;

namespace BedrockTrail.Ingest.Tests.Sources;

/// <summary>The retry path against real s3rver, with faults injected in the SDK's HTTP handler.</summary>
[Collection(S3rverCollection.Name)]
public sealed class SourceObjectReaderTests(S3rverServer server)
{
    private const string Account = "111122223333";

    [Fact]
    public async Task ReadAsync_SlowDownTwiceThenDroppedBody_RetriesAndReturnsWholeBytes()
    {
        // Given an object of a few hundred KB, two 503 SlowDown answers, then one body cut half way
        var bucket = server.CreateBucket();
        var key = LogFiles.CloudTrailKey(Account, "us-east-1", new DateOnly(2024, 1, 1), 1);
        var text = string.Concat(Enumerable.Range(0, 20000).Select(i => $"{{\"eventID\":\"{Guid.NewGuid()}\"}},"));
        var gz = LogFiles.Gzip(text);
        server.SeedObject(bucket, key, gz);
        var http = new InstrumentedHttpClientFactory();
        var retries = new List<string>();
        var retry = new ObjectRetryPolicy(
            new ObjectRetryOptions { BaseDelay = TimeSpan.Zero, OnRetry = (e, _, _) => retries.Add(e.GetType().Name) },
            TimeProvider.System);
        await using var source = LogTree.OpenS3(server, $"s3://{bucket}", http, retry);
        var obj = (await LogTree.ListAllAsync(source)).Single();
        http.SlowDownGets = 2;
        http.DroppedBodies = 1;

        // When
        using var body = await SourceObjectReader.ReadAsync(source, obj, retry, CancellationToken.None);

        // Then
        Assert.Equal(BodyStatus.Complete, body.Status);
        Assert.Equal(gz.Length, body.RawLength);
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(body.Content.Span));
        Assert.Equal(4, http.ObjectRequests);
        Assert.Equal(3, retries.Count);
        Assert.Equal("AmazonS3Exception", retries[0]);
    }

    [Fact]
    public async Task ReadAsync_MissingObject_IsNotRetried()
    {
        var bucket = server.CreateBucket();
        var http = new InstrumentedHttpClientFactory();
        await using var source = LogTree.OpenS3(server, $"s3://{bucket}", http);
        var key = LogFiles.CloudTrailKey(Account, "us-east-1", new DateOnly(2024, 1, 1), 9);
        var ghost = new SourceObject($"s3://{bucket}/{key}", key, 100, null, Ingest.Layout.LogObjectKey.Parse(key));

        var error = await Assert.ThrowsAsync<LogSourceException>(() => SourceObjectReader.ReadAsync(source, ghost, LogTree.FastRetry, CancellationToken.None));

        Assert.Equal(LogSourceFailure.ObjectNotFound, error.Failure);
        Assert.Equal(1, http.ObjectRequests);
    }

    [Fact]
    public async Task ReadAsync_EveryAttemptDropped_GivesUpAfterMaxAttempts()
    {
        var bucket = server.CreateBucket();
        var key = LogFiles.CloudTrailKey(Account, "us-east-1", new DateOnly(2024, 1, 1), 2);
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{{\"eventID\":\"{Guid.NewGuid()}\"}},"));
        server.SeedObject(bucket, key, LogFiles.Gzip(text));
        var http = new InstrumentedHttpClientFactory();
        var retry = new ObjectRetryPolicy(new ObjectRetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.Zero }, TimeProvider.System);
        await using var source = LogTree.OpenS3(server, $"s3://{bucket}", http, retry);
        var obj = (await LogTree.ListAllAsync(source)).Single();

        // A dropped connection surfaces as IOException, which is retried and in the end propagates
        http.DroppedBodies = 3;
        await Assert.ThrowsAnyAsync<IOException>(() => SourceObjectReader.ReadAsync(source, obj, retry, CancellationToken.None));
        Assert.Equal(3, http.ObjectRequests);
    }

    [Fact]
    public async Task PutObjectAsync_ThroughSdk_StoresExactBytes()
    {
        // The harness's SDK upload path (no chunk framing) for other test projects
        var bucket = server.CreateBucket();
        var bytes = LogFiles.Gzip("{\"Records\":[]}");
        using var client = server.CreateClient();

        await S3rverServer.PutObjectAsync(client, bucket, "AWSLogs/x.json.gz", bytes);
        using var response = await client.GetObjectAsync(bucket, "AWSLogs/x.json.gz");
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
    }
}
