namespace BedrockTrail.Ingest.Sources;

/// <summary>A bucket and an optional key prefix, from <c>s3://bucket[/prefix]</c>.</summary>
/// <param name="Prefix">Empty, or ending in '/'.</param>
public sealed record S3Location(string Bucket, string Prefix)
{
    public const string Scheme = "s3://";

    public static bool IsS3Uri(string source) =>
        source is not null && source.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>s3://bucket[/prefix]</c>; a prefix is treated as a folder (a '/' is added).</summary>
    public static bool TryParse(string source, out S3Location? location)
    {
        location = null;
        if (!IsS3Uri(source))
        {
            return false;
        }

        var rest = source[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..].TrimStart('/');
        if (bucket.Length is < 3 or > 63 || bucket.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        if (prefix.Length > 0 && !prefix.EndsWith('/'))
        {
            prefix += "/";
        }

        location = new S3Location(bucket, prefix);
        return true;
    }

    public string UriFor(string key) => Scheme + Bucket + "/" + key;

    public override string ToString() => Scheme + Bucket + (Prefix.Length > 0 ? "/" + Prefix.TrimEnd('/') : string.Empty);
}
