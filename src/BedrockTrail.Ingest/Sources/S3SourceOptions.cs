using Amazon.Runtime;

namespace BedrockTrail.Ingest.Sources;

/// <summary>How to reach one S3 source. Built from <c>--source</c>, <c>--endpoint-url</c>, <c>--region</c>, <c>--profile</c>.</summary>
public sealed record S3SourceOptions
{
    public required S3Location Location { get; init; }

    /// <summary>An S3-compatible endpoint (MinIO, s3rver, LocalStack); path-style addressing is used with it.</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>The bucket's region; else the profile's or environment's; else us-east-1.</summary>
    public string? Region { get; init; }

    /// <summary>A named profile from ~/.aws/config or ~/.aws/credentials (static keys, SSO, assume-role, process).</summary>
    public string? Profile { get; init; }

    /// <summary>Credentials to use as they are, bypassing profiles and the default chain (tests, embedding hosts).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Replaces the SDK's HttpClient creation: proxies, request counting, fault injection in tests.</summary>
    public HttpClientFactory? HttpClientFactory { get; init; }

    /// <summary>Keys per list request; S3's maximum and default is 1000.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>
    /// How many levels of folders above <c>AWSLogs/</c> to search when the prefix does not hold it directly (Control
    /// Tower writes under <c>o-xxxx/AWSLogs/</c>). Folders with more sub-folders than <see cref="MaxFanOutToSearch"/>
    /// are not searched.
    /// </summary>
    public int MaxPrefixDepth { get; init; } = 2;

    public int MaxFanOutToSearch { get; init; } = 100;
}
