using BedrockTrail.Ingest.Layout;

namespace BedrockTrail.Ingest.Sources;

/// <summary>One object under a log source.</summary>
/// <param name="Uri">
/// Stable identity for the lake's bookkeeping and <c>source_object</c> columns: <c>s3://bucket/full/key</c> for S3
/// (the full key, prefix included, not URL-encoded), <c>file:///absolute/path</c> (an RFC 8089 URI, percent-encoded
/// where needed) for folders. The same object gives the same URI on every run.
/// </param>
/// <param name="Key">The key relative to the source root (the S3 prefix or the folder), always with '/' separators.</param>
/// <param name="Size">Size in bytes as listed; a body shorter than this was cut in transit.</param>
/// <param name="ETag">The S3 ETag without quotes; null for folders.</param>
/// <param name="Layout">What the key says: kind, organization, account, region, delivery date.</param>
public sealed record SourceObject(string Uri, string Key, long Size, string? ETag, LogObjectKey Layout);
