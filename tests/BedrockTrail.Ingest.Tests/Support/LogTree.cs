using BedrockTrail.Ingest.Retry;
using BedrockTrail.Ingest.Sources;
using BedrockTrail.TestSupport.S3;

namespace BedrockTrail.Ingest.Tests.Support;

/// <summary>Seeds the same keys into an s3rver bucket (and optionally a folder) and opens sources over them.</summary>
internal static class LogTree
{
    public static readonly ObjectRetryPolicy FastRetry =
        new(new ObjectRetryOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero }, TimeProvider.System);

    public static void Seed(S3rverServer server, string bucket, IEnumerable<string> keys, string? folder = null)
    {
        foreach (var key in keys)
        {
            var body = LogFiles.CloudTrailBody(key);
            server.SeedObject(bucket, key, body);
            if (folder is not null)
            {
                var path = Path.Combine([folder, .. key.Split('/')]);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, body);
            }
        }
    }

    public static S3LogSource OpenS3(S3rverServer server, string source, InstrumentedHttpClientFactory? http = null, ObjectRetryPolicy? retry = null)
    {
        Assert.True(S3Location.TryParse(source, out var location));
        return S3LogSource.Create(
            new S3SourceOptions
            {
                Location = location!,
                EndpointUrl = server.ServiceUrl,
                Credentials = S3rverServer.Credentials,
                HttpClientFactory = http,
            },
            retry ?? FastRetry);
    }

    public static async Task<List<SourceObject>> ListAllAsync(ILogSource source, ListingFilter? filter = null)
    {
        var all = new List<SourceObject>();
        await foreach (var obj in source.ListAsync(filter ?? ListingFilter.All, CancellationToken.None))
        {
            all.Add(obj);
        }

        return all;
    }

    public static List<string> Days(DateOnly first, int count, Func<DateOnly, int, string> key) =>
        Enumerable.Range(0, count).Select(i => key(first.AddDays(i), i)).ToList();
}
