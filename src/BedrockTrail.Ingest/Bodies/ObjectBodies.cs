using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace BedrockTrail.Ingest.Bodies;

/// <summary>
/// Turns the raw bytes of a log object into its JSON text: gunzips (one or several gzip members), passes plain
/// JSON through, and tells a truncated or corrupt stream from a whole one without losing the good prefix.
/// </summary>
public static class ObjectBodies
{
    private const int ReadChunk = 64 * 1024;
    private const int GzipTrailerLength = 8;
    private const int GzipMinimumMember = 18;

    /// <summary>
    /// Reads <paramref name="raw"/> to its end and decompresses it. I/O failures of <paramref name="raw"/> (a dropped
    /// connection) propagate so a retry policy can repeat the read; problems with the bytes themselves come back as
    /// a <see cref="BodyStatus"/>.
    /// </summary>
    /// <param name="expectedLength">The object size from the listing, when known: fewer raw bytes means Truncated.</param>
    public static async Task<DecompressedBody> ReadDecompressedAsync(Stream raw, long? expectedLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var initial = expectedLength is > 0 and < int.MaxValue ? (int)expectedLength.Value + 1 : ReadChunk;
        using var buffer = new PooledBuffer(initial);
        if (raw is FileStream)
        {
            // A local file gains nothing from an async read: .NET queues each ReadAsync of a file opened without
            // FileOptions.Asynchronous to the thread pool as a blocking read, one hop per call. Reading in place saves
            // the hop and the context switch on every object (most log objects are a few kilobytes).
            cancellationToken.ThrowIfCancellationRequested();
            ReadToEnd(raw, buffer);
            return Decode(buffer, expectedLength);
        }

        while (true)
        {
            var read = await raw.ReadAsync(buffer.GetFree(1), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
        }

        return Decode(buffer, expectedLength);
    }

    private static void ReadToEnd(Stream raw, PooledBuffer buffer)
    {
        int read;
        while ((read = raw.Read(buffer.GetFree(1).Span)) > 0)
        {
            buffer.Advance(read);
        }
    }

    /// <summary>Decompresses bytes already in memory; same statuses as <see cref="ReadDecompressedAsync"/>.</summary>
    public static DecompressedBody Decompress(ReadOnlySpan<byte> raw)
    {
        using var buffer = new PooledBuffer(raw.Length);
        raw.CopyTo(buffer.GetFree(raw.Length).Span);
        buffer.Advance(raw.Length);
        return Decode(buffer, expectedLength: null);
    }

    // Takes ownership of the raw array only for plain JSON, which is passed through without a copy.
    private static DecompressedBody Decode(PooledBuffer raw, long? expectedLength)
    {
        var length = raw.Length;
        var shortRead = expectedLength is { } expected && length < expected;
        if (length == 0)
        {
            return shortRead
                ? new DecompressedBody(null, 0, BodyStatus.Truncated, false, 0, $"0 of {expectedLength} bytes arrived")
                : new DecompressedBody(null, 0, BodyStatus.Empty, false, 0, null);
        }

        var bytes = raw.Written;
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            return Gunzip(raw.Array, length, shortRead ? expectedLength : null);
        }

        if (!LooksLikeJson(bytes))
        {
            return new DecompressedBody(null, 0, BodyStatus.NotRecognised, false, length, "neither gzip nor JSON");
        }

        var status = shortRead ? BodyStatus.Truncated : BodyStatus.Complete;
        var detail = shortRead ? $"{length} of {expectedLength} bytes arrived" : null;
        return new DecompressedBody(raw.Detach(), length, status, false, length, detail);
    }

    private static DecompressedBody Gunzip(byte[] raw, int length, long? shortOf)
    {
        // CloudTrail JSON compresses about 10:1; start there and let the buffer grow.
        var output = new PooledBuffer((int)Math.Min(length * 10L, 64L * 1024 * 1024));
        try
        {
            string? corrupt = null;
            using (var gzip = new GZipStream(new MemoryStream(raw, 0, length, writable: false), CompressionMode.Decompress))
            {
                try
                {
                    int read;
                    while ((read = gzip.Read(output.GetFree(1).Span)) > 0)
                    {
                        output.Advance(read);
                    }
                }
                catch (InvalidDataException e)
                {
                    corrupt = e.Message;
                }
            }

            var status = corrupt is not null ? BodyStatus.Corrupt
                : shortOf is not null || !TrailerMatches(raw.AsSpan(0, length), output.Written) ? BodyStatus.Truncated
                : output.Length == 0 ? BodyStatus.Empty
                : BodyStatus.Complete;
            var detail = status switch
            {
                BodyStatus.Corrupt => "invalid gzip data: " + corrupt,
                BodyStatus.Truncated when shortOf is not null => $"{length} of {shortOf} bytes arrived",
                BodyStatus.Truncated => "gzip stream ends before its trailer",
                _ => null,
            };
            var outputLength = output.Length;
            return new DecompressedBody(output.Detach(), outputLength, status, true, length, detail);
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>
    /// .NET's GZipStream returns what it could decompress and then 0 when the input simply stops, so truncation is
    /// invisible to it. A whole stream ends with the last member's trailer: CRC-32 and length (mod 2^32) of that
    /// member's output, which is the tail of ours (RFC 1952 section 2.3.1). A cut stream ends in deflate data whose
    /// last 8 bytes match a CRC of our tail only by a 1 in 2^32 chance.
    /// </summary>
    internal static bool TrailerMatches(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> output)
    {
        if (raw.Length < GzipMinimumMember)
        {
            return false;
        }

        var trailer = raw[^GzipTrailerLength..];
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);

        // One member (what CloudTrail writes) whose length field is the whole output: zlib compares a member's CRC
        // and length with its trailer when it reaches them and fails the read on a mismatch, so a stream that got
        // there is whole, and hashing the output again would only repeat zlib's check (a tenth of a CPU-second per
        // gigabyte). A cut stream's last four bytes equal the output length only by a 1 in 2^32 chance.
        if (size == (uint)output.Length)
        {
            return true;
        }

        // Several members: the trailer covers the last one, the tail of the output. Members over 4 GiB wrap ISIZE;
        // a single log object that large is not something CloudTrail writes.
        return size < (uint)output.Length && Crc32.HashToUInt32(output[^(int)size..]) == crc;
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(byteOrderMark))
        {
            bytes = bytes[3..];
        }

        var start = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && bytes[start] is (byte)'{' or (byte)'[';
    }
}
