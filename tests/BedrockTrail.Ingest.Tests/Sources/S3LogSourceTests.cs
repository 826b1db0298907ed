using BedrockTrail.Ingest.Layout;
using BedrockTrail.Ingest.Sources;
using BedrockTrail.Ingest.Tests.Support;
using BedrockTrail.TestSupport.S3;

namespace BedrockTrail.Ingest.Tests.Sources;

[Collection(S3rverCollection.Name)]
public sealed class S3LogSourceTests(S3rverServer server)
{
    private const string Account = "111122223333";
    private static readonly DateOnly Day0 = new(2024, 3, 1);

    [Fact]
    public async Task ListAsync_MoreThanOnePage_ReturnsEveryKeyExactlyOnceInKeyOrder()
    {
        // Given 2,100 files in one day folder and a few in the next: three pages and more
        var bucket = server.CreateBucket();
        var keys = Enumerable.Range(0, 2100).Select(n => LogFiles.CloudTrailKey(Account, "us-east-1", Day0, n))
            .Concat(Enumerable.Range(0, 5).Select(n => LogFiles.CloudTrailKey(Account, "us-east-1", Day0.AddDays(1), n)))
            .ToList();
        LogTree.Seed(server, bucket, keys);
        var http = new InstrumentedHttpClientFactory();
        await using var source = LogTree.OpenS3(server, $"s3://{bucket}", http);

        // When
        var listed = await LogTree.ListAllAsync(source);

        // Then
        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Select(o => o.Key));
        Assert.All(listed, o => Assert.Equal(LogObjectKind.CloudTrailLog, o.Layout.Kind));
        Assert.Equal($"s3://{bucket}/{keys[0]}", listed.Single(o => o.Key == keys[0]).Uri);
        Assert.Equal(LogFiles.CloudTrailBody(keys[0]).Length, listed.Single(o => o.Key == keys[0]).Size);

        // "" -> AWSLogs/ -> account -> BedrockModelInvocationLogs/, CloudTrail/ -> 3 pages of us-east-1/
        Assert.Equal(1 + 1 + 2 + 3, http.ListRequests);
    }

    [Fact]
    public async Task ListAsync_OrganizationTrailBehindControlTowerPrefix_IsFound()
    {
        // Given an org trail under a Control Tower prefix, and an account trail at the root
        var bucket = server.CreateBucket();
        var orgKey = LogFiles.CloudTrailKey(Account, "eu-west-1", Day0, 1, org: "o-abcde12345", prefix: "o-abcde12345/");
        var plainKey = LogFiles.CloudTrailKey("444455556666", "us-east-1", Day0, 2);
        var unrelated = "exports/2024/report.csv";
        LogTree.Seed(server, bucket, [orgKey, plainKey, unrelated]);
        await using var source = LogTree.OpenS3(server, $"s3://{bucket}");

        // When
        var listed = await LogTree.ListAllAsync(source);

        // Then
        Assert.Equal([plainKey, orgKey], listed.Select(o => o.Key));
        Assert.Equal("o-abcde12345", listed[1].Layout.OrganizationId);
        Assert.Equal(Account, listed[1].Layout.AccountId);
    }

    [Fact]
    public async Task ListAsync_PrefixGiven_KeysAreRelativeToIt()
    {
        var bucket = server.CreateBucket();
        var key = LogFiles.CloudTrailKey(Account, "us-east-1", Day0, 1);
        LogTree.Seed(server, bucket, ["trails/main/" + key]);
        await using var source = LogTree.OpenS3(server, $"s3://{bucket}/trails/main");

        var listed = await LogTree.ListAllAsync(source);

        Assert.Equal($"s3://{bucket}/trails/main", source.Description);
        Assert.Equal([key], listed.Select(o => o.Key));
        Assert.Equal($"s3://{bucket}/trails/main/{key}", listed[0].Uri);
    }

    [Fact]
    public async Task ListAsync_DateWindow_ListsOnlyThePaddedDayFolders()
    {
        // Given 40 days of files in two regions
        var bucket = server.CreateBucket();
        var keys = new List<string>();
        foreach (var region in (string[])["eu-west-1", "us-east-1"])
        {
            keys.AddRange(LogTree.Days(Day0, 40, (day, i) => LogFiles.CloudTrailKey(Account, region, day, i)));
        }

        LogTree.Seed(server, bucket, keys);
        var http = new InstrumentedHttpClientFactory();
        await using var source = LogTree.OpenS3(server, $"s3://{bucket}", http);
        var filter = new ListingFilter(
            new DateTimeOffset(2024, 3, 11, 12, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 3, 12, 23, 0, 0, TimeSpan.FromHours(-2)), // 2024-03-13T01:00Z
            null,
            null);

        // When
        var listed = await LogTree.ListAllAsync(source, filter);

        // Then delivery days 10..14 (a day of padding each side), nothing else
        var expectedDays = Enumerable.Range(10, 5).Select(d => new DateOnly(2024, 3, d)).ToList();
        Assert.Equal(10, listed.Count);
        Assert.All(listed, o => Assert.Contains(o.Layout.DeliveryDate!.Value, expectedDays));

        // "" + AWSLogs/ + 2 services + 2 regions x 5 days: no listing of the other 35 days
        Assert.Equal(1 + 1 + 2 + (2 * 5), http.ListRequests);
    }

    [Fact]
    public async Task ListAsync_LongOpenWindow_DiscoversYearsMonthsDaysAndPrunes()
    {
        var bucket = server.CreateBucket();
        var keys = LogTree.Days(new DateOnly(2023, 12, 30), 70, (day, i) => LogFiles.CloudTrailKey(Account, "us-east-1", day, i));
        LogTree.Seed(server, bucket, keys);
        await using var source = LogTree.OpenS3(server, $"s3://{bucket}");

        var listed = await LogTree.ListAllAsync(source, new ListingFilter(new DateTimeOffset(2024, 2, 20, 0, 0, 0, TimeSpan.Zero), null, null, null));

        // From 2024-02-19 (padding) to the last day, 2024-03-08
        Assert.Equal(keys.Where(k => string.CompareOrdinal(k, LogFiles.CloudTrailKey(Account, "us-east-1", new DateOnly(2024, 2, 19), 0)) >= 0 && !k.Contains("/2023/", StringComparison.Ordinal)), listed.Select(o => o.Key));
        Assert.Equal(new DateOnly(2024, 2, 19), listed[0].Layout.DeliveryDate);
        Assert.Equal(new DateOnly(2024, 3, 8), listed[^1].Layout.DeliveryDate);
    }

    [Fact]
    public async Task ListAsync_AccountAndRegionFilters_ListOnlyThose()
    {
        var bucket = server.CreateBucket();
        var wanted = LogFiles.CloudTrailKey(Account, "eu-west-1", Day0, 1);
        LogTree.Seed(server, bucket, [
            wanted,
            LogFiles.CloudTrailKey(Account, "us-east-1", Day0, 2),
            LogFiles.CloudTrailKey("999988887777", "eu-west-1", Day0, 3),
            LogFiles.CloudTrailKey("999988887777", "us-east-1", Day0, 4, org: "o-abcde12345"),
        ]);
        await using var source = LogTree.OpenS3(server, $"s3://{bucket}");
        var filter = new ListingFilter(null, null, new HashSet<string> { Account }, new HashSet<string> { "eu-west-1" });

        var listed = await LogTree.ListAllAsync(source, filter);

        Assert.Equal([wanted], listed.Select(o => o.Key));
    }

    [Fact]
    public async Task ListAsync_DigestInsightDataAndPermissionCheck_AreNeverReturnedAsLogs()
    {
        // Given
        var bucket = server.CreateBucket();
        var trail = LogFiles.CloudTrailKey(Account, "us-east-1", Day0, 1);
        var invocation = LogFiles.InvocationLogKey(Account, "us-east-1", Day0, 7, "20240301T0705Z_abc");
        var data = $"AWSLogs/{Account}/BedrockModelInvocationLogs/us-east-1/2024/03/01/07/data/big-input.json.gz";
        LogTree.Seed(server, bucket, [
            trail,
            invocation,
            data,
            $"AWSLogs/{Account}/CloudTrail-Digest/us-east-1/2024/03/01/{Account}_CloudTrail-Digest_us-east-1_t_us-east-1_20240301T000000Z.json.gz",
            $"AWSLogs/{Account}/CloudTrail-Insight/us-east-1/2024/03/01/insight.json.gz",
            "amazon-bedrock-logs-permission-check",
        ]);
        await using var source = LogTree.OpenS3(server, $"s3://{bucket}");

        // When
        var listed = await LogTree.ListAllAsync(source);

        // Then the log files are read, data/ is seen and marked skipped, the rest is never even listed
        Assert.Equal([invocation, data, trail], listed.Select(o => o.Key));
        Assert.Equal(
            [LogObjectKind.InvocationLog, LogObjectKind.Skipped, LogObjectKind.CloudTrailLog],
            listed.Select(o => o.Layout.Kind));
        Assert.Equal(LogObjectSkipReason.InvocationLogData, listed[1].Layout.SkipReason);
    }

    [Fact]
    public async Task ListAsync_MissingBucket_ThrowsBucketNotFound()
    {
        await using var source = LogTree.OpenS3(server, "s3://no-such-bucket-here");

        var error = await Assert.ThrowsAsync<LogSourceException>(() => LogTree.ListAllAsync(source));

        Assert.Equal(LogSourceFailure.BucketNotFound, error.Failure);
        Assert.Contains("no-such-bucket-here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_UnknownAccessKey_ThrowsNoCredentialsWithAdvice()
    {
        Assert.True(S3Location.TryParse($"s3://{server.CreateBucket()}", out var location));
        await using var source = S3LogSource.Create(
            new S3SourceOptions
            {
                Location = location!,
                EndpointUrl = server.ServiceUrl,
                Credentials = new Amazon.Runtime.BasicAWSCredentials("NOT-S3RVER", "wrong"),
            },
            LogTree.FastRetry);

        var error = await Assert.ThrowsAsync<LogSourceException>(() => LogTree.ListAllAsync(source));

        Assert.Equal(LogSourceFailure.NoCredentials, error.Failure);
        Assert.Contains("--profile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_NothingListening_ThrowsEndpointUnreachable()
    {
        // Given a loopback port that was just free
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Assert.True(S3Location.TryParse("s3://bucket", out var location));
        await using var source = S3LogSource.Create(
            new S3SourceOptions { Location = location!, EndpointUrl = new Uri($"http://127.0.0.1:{port}/"), Credentials = S3rverServer.Credentials },
            LogTree.FastRetry);

        var error = await Assert.ThrowsAsync<LogSourceException>(() => LogTree.ListAllAsync(source));

        Assert.Equal(LogSourceFailure.EndpointUnreachable, error.Failure);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }
}
