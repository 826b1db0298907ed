using System.Buffers;

namespace BedrockTrail.Ingest.Bodies;

/// <summary>
/// The decompressed bytes of one object, in a buffer rented from <see cref="ArrayPool{T}.Shared"/>. Dispose it
/// when the records are parsed; <see cref="Content"/> must not be used afterwards.
/// </summary>
public sealed class DecompressedBody : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    internal DecompressedBody(byte[]? buffer, int length, BodyStatus status, bool wasGzip, long rawLength, string? detail)
    {
        _buffer = buffer;
        _length = length;
        Status = status;
        WasGzip = wasGzip;
        RawLength = rawLength;
        Detail = detail;
    }

    /// <summary>The decompressed bytes (UTF-8 JSON for every kind of log this tool reads).</summary>
    public ReadOnlyMemory<byte> Content =>
        _buffer is null ? ReadOnlyMemory<byte>.Empty : new ReadOnlyMemory<byte>(_buffer, 0, _length);

    public BodyStatus Status { get; }

    /// <summary>True when the object started with the gzip magic bytes; false for plain JSON copies.</summary>
    public bool WasGzip { get; }

    /// <summary>How many raw (compressed) bytes were read from the object.</summary>
    public long RawLength { get; }

    /// <summary>A short human explanation for statuses other than Complete and Empty.</summary>
    public string? Detail { get; }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
