namespace BedrockTrail.Ingest.Bodies;

/// <summary>What reading one object's body found. Only <see cref="Complete"/> holds every byte that was written.</summary>
public enum BodyStatus
{
    /// <summary>The whole body: a gzip stream whose last trailer checks out, or plain JSON.</summary>
    Complete,

    /// <summary>No bytes, or a gzip stream that decompresses to nothing.</summary>
    Empty,

    /// <summary>
    /// The gzip stream stops before its end (or fewer bytes arrived than the listing promised). The content is the
    /// good prefix that could be decompressed; a reader may salvage whole records from it.
    /// </summary>
    Truncated,

    /// <summary>The gzip stream holds invalid data part way; the content is what decompressed before it.</summary>
    Corrupt,

    /// <summary>Neither gzip nor JSON (no gzip magic, and the first character is not <c>{</c> or <c>[</c>).</summary>
    NotRecognised,
}
