namespace BedrockTrail.Ingest.Sources;

/// <summary>Why a log source cannot be read at all, or why one object is gone.</summary>
public enum LogSourceFailure
{
    /// <summary>The <c>--source</c> text is not a folder path or <c>s3://bucket[/prefix]</c>.</summary>
    InvalidSource,

    /// <summary>The folder does not exist.</summary>
    FolderNotFound,

    BucketNotFound,

    AccessDenied,

    /// <summary>No credentials in the environment, the named profile, or the default chain; or they were rejected.</summary>
    NoCredentials,

    /// <summary>The S3 endpoint did not answer (DNS, connection refused, TLS, proxy), even after retries.</summary>
    EndpointUnreachable,

    /// <summary>One object listed earlier is no longer there. Only this one is about a single object.</summary>
    ObjectNotFound,
}
