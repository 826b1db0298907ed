namespace BedrockTrail.Ingest.Sources;

/// <summary>
/// A place CloudTrail and Bedrock log objects are read from: an S3 bucket (and prefix) or a local folder.
/// </summary>
/// <remarks>
/// <see cref="ListAsync"/> streams objects in ordinal key order and yields every object it lists that the filter
/// does not exclude, Skipped kinds included (their <see cref="SourceObject.Layout"/> says why), so the caller can
/// count them. Which objects are listed at all differs: the folder source walks everything under its root, the S3
/// source lists only the CloudTrail and BedrockModelInvocationLogs folders (and within them only the needed day
/// folders), so it never sees digests or Insights. Non-transient failures (no such bucket, access denied, no
/// credentials, unreachable endpoint, missing folder) are thrown as <see cref="LogSourceException"/>; transient
/// faults of <see cref="OpenReadAsync"/> propagate as they are, for the caller's retry policy to judge.
/// </remarks>
public interface ILogSource : IAsyncDisposable
{
    /// <summary>For people: <c>s3://bucket/prefix</c> or the folder's full path.</summary>
    string Description { get; }

    IAsyncEnumerable<SourceObject> ListAsync(ListingFilter filter, CancellationToken cancellationToken);

    /// <summary>Opens the raw (usually gzipped) bytes of an object; the caller disposes the stream.</summary>
    Task<Stream> OpenReadAsync(SourceObject obj, CancellationToken cancellationToken);
}
