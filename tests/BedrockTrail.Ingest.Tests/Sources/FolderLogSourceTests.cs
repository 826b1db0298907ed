using BedrockTrail.Ingest.Layout;
using BedrockTrail.Ingest.Sources;
using BedrockTrail.Ingest.Tests.Support;
using BedrockTrail.TestSupport;
using BedrockTrail.TestSupport.S3;

namespace BedrockTrail.Ingest.Tests.Sources;

[Collection(S3rverCollection.Name)]
public sealed class FolderLogSourceTests(S3rverServer server)
{
    private const string Account = "111122223333";
    private static readonly DateOnly Day0 = new(2024, 5, 30);

    [Fact]
    public async Task ListAsync_SameTreeAsBucket_ReturnsSameLogObjectsInSameOrder()
    {
        // Given one tree of keys, in a bucket and in a folder (names chosen so readdir order differs from key order)
        using var folder = new TempFolder("folder-source");
        var bucket = server.CreateBucket();
        var keys = new List<string>();
        foreach (var region in (string[])["us-east-1", "eu-west-1"])
        {
            keys.AddRange(LogTree.Days(Day0, 5, (day, i) => LogFiles.CloudTrailKey(Account, region, day, i)));
            keys.AddRange(LogTree.Days(Day0, 3, (day, i) => LogFiles.CloudTrailKey("222233334444", region, day, i, org: "o-abcde12345")));
        }

        keys.Add(LogFiles.InvocationLogKey(Account, "us-east-1", Day0, 23, "a"));
        keys.Add($"AWSLogs/{Account}/CloudTrail-Digest/us-east-1/2024/05/30/digest.json.gz");
        LogTree.Seed(server, bucket, keys, folder.Path);
        await using var s3 = LogTree.OpenS3(server, $"s3://{bucket}");
        await using var local = new FolderLogSource(folder.Path);
        var filter = new ListingFilter(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero), null, null, new HashSet<string> { "us-east-1" });

        // When
        var fromS3 = (await LogTree.ListAllAsync(s3, filter)).Where(o => o.Layout.IsLog).ToList();
        var fromFolder = (await LogTree.ListAllAsync(local, filter)).Where(o => o.Layout.IsLog).ToList();

        // Then
        Assert.NotEmpty(fromS3);
        Assert.Equal(fromS3.Select(o => (o.Key, o.Size, o.Layout)), fromFolder.Select(o => (o.Key, o.Size, o.Layout)));
        Assert.Equal(fromS3.Select(o => o.Key).Order(StringComparer.Ordinal), fromFolder.Select(o => o.Key));
    }

    [Fact]
    public async Task ListAsync_Folder_YieldsSkippedKindsAndFileUris()
    {
        using var folder = new TempFolder("folder-skips");
        var trail = LogFiles.CloudTrailKey(Account, "us-east-1", Day0, 1);
        var digest = $"AWSLogs/{Account}/CloudTrail-Digest/us-east-1/2024/05/30/digest.json.gz";
        foreach (var key in (string[])[trail, digest, "amazon-bedrock-logs-permission-check", "notes.txt"])
        {
            var path = Path.Combine([folder.Path, .. key.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, LogFiles.CloudTrailBody(key));
        }

        await using var source = new FolderLogSource(folder.Path);

        var listed = await LogTree.ListAllAsync(source);

        // S3 key order: "CloudTrail-" sorts before "CloudTrail/" ('-' < '/')
        Assert.Equal([digest, trail, "amazon-bedrock-logs-permission-check", "notes.txt"], listed.Select(o => o.Key));
        Assert.Equal(
            [LogObjectSkipReason.Digest, LogObjectSkipReason.None, LogObjectSkipReason.PermissionCheck, LogObjectSkipReason.NotUnderAwsLogs],
            listed.Select(o => o.Layout.SkipReason));
        Assert.Equal(new Uri(Path.Combine([folder.Path, .. trail.Split('/')])).AbsoluteUri, listed[1].Uri);
        Assert.StartsWith("file:///", listed[1].Uri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/data/trail/AWSLogs/o-abc123/111122223333/CloudTrail/us-east-1/2025/03/01/x_20250301T0000Z_Ab-9.json.gz")]
    [InlineData("/data/with space/AWSLogs/a#b/%41/é.json.gz")]
    [InlineData("/data/odd;chars?/[x]{y}/a+b=c&d.json.gz")]
    public void FileUri_AbsolutePath_SameAsUriAbsoluteUri(string path)
    {
        Assert.Equal(new Uri(path).AbsoluteUri, FolderLogSource.FileUri(path));
    }

    [Fact]
    public async Task ListAsync_DotFilesAndFolders_ListedLikeAnyOther()
    {
        // Given a dot folder and a dot file (hidden on Unix) beside a trail file
        using var folder = new TempFolder("folder-dots");
        var trail = LogFiles.CloudTrailKey(Account, "us-east-1", Day0, 1);
        foreach (var key in (string[])[trail, ".sync/state.json", ".notes"])
        {
            var path = Path.Combine([folder.Path, .. key.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, LogFiles.CloudTrailBody(key));
        }

        await using var source = new FolderLogSource(folder.Path);

        // When listed, Then every file is there in S3 key order, with its size
        var listed = await LogTree.ListAllAsync(source);
        Assert.Equal([".notes", ".sync/state.json", trail], listed.Select(o => o.Key));
        Assert.Equal(new FileInfo(Path.Combine([folder.Path, .. trail.Split('/')])).Length, listed[2].Size);
    }

    [Fact]
    public async Task ReadAsync_FolderObject_ReturnsDecompressedBody()
    {
        using var folder = new TempFolder("folder-read");
        var key = LogFiles.CloudTrailKey(Account, "us-east-1", Day0, 1);
        var path = Path.Combine([folder.Path, .. key.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, LogFiles.CloudTrailBody(key));
        await using var source = new FolderLogSource(folder.Path);
        var obj = (await LogTree.ListAllAsync(source)).Single();

        using var body = await SourceObjectReader.ReadAsync(source, obj, LogTree.FastRetry, CancellationToken.None);

        Assert.Equal(Ingest.Bodies.BodyStatus.Complete, body.Status);
        Assert.Contains(key, System.Text.Encoding.UTF8.GetString(body.Content.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BodyShorterThanListedEveryTime_RetriesThenReturnsPrefixFlaggedTruncated()
    {
        // Given a file that holds only half of what the listing promised
        using var folder = new TempFolder("folder-short");
        var key = LogFiles.CloudTrailKey(Account, "us-east-1", Day0, 1);
        var gz = LogFiles.Gzip(string.Concat(Enumerable.Range(0, 3000).Select(i => $"{{\"eventID\":\"{i}\"}},")));
        var path = Path.Combine([folder.Path, .. key.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, gz[..(gz.Length / 2)]);
        await using var source = new FolderLogSource(folder.Path);
        var obj = (await LogTree.ListAllAsync(source)).Single() with { Size = gz.Length };
        var attempts = 0;
        var retry = new Ingest.Retry.ObjectRetryPolicy(
            new Ingest.Retry.ObjectRetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.Zero, OnRetry = (_, _, _) => attempts++ },
            TimeProvider.System);

        // When
        using var body = await SourceObjectReader.ReadAsync(source, obj, retry, CancellationToken.None);

        // Then
        Assert.Equal(2, attempts);
        Assert.Equal(Ingest.Bodies.BodyStatus.Truncated, body.Status);
        Assert.Equal(gz.Length / 2, body.RawLength);
        Assert.StartsWith("{\"eventID\":\"0\"},", System.Text.Encoding.UTF8.GetString(body.Content.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void ListAsync_MissingFolder_ThrowsFolderNotFound()
    {
        var source = new FolderLogSource("/no/such/folder/here");

        var error = Assert.Throws<LogSourceException>(() => source.ListAsync(ListingFilter.All, CancellationToken.None));

        Assert.Equal(LogSourceFailure.FolderNotFound, error.Failure);
    }
}
