namespace BedrockTrail.Ingest.Bodies;

/// <summary>
/// Fewer bytes arrived than the object holds: the connection ended early. Transient: the object is whole in the
/// store, so reading it again fixes it.
/// </summary>
public sealed class TruncatedBodyException : IOException
{
    public TruncatedBodyException()
    {
    }

    public TruncatedBodyException(string message)
        : base(message)
    {
    }

    public TruncatedBodyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TruncatedBodyException(long received, long expected)
        : base($"Only {received} of {expected} bytes arrived.")
    {
        Received = received;
        Expected = expected;
    }

    public long Received { get; }

    public long Expected { get; }
}
