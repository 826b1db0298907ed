using System.Buffers;
using System.Runtime.Intrinsics;

namespace BedrockTrail.Normalise.Json;

/// <summary>
/// Finds where one JSON value ends without validating it: strings (with escapes) are jumped over, braces and
/// brackets counted. This is how the decoders cut a log into records. It is cheaper than a validating reader, and,
/// unlike one, it can step past a record whose inside is broken (a missing comma, a bad escape) to the next record,
/// so one bad record does not cost the rest of the file. Records it cuts out are validated when they are parsed.
/// </summary>
internal static partial class JsonValueScanner
{
    private static readonly SearchValues<byte> StringSpecial = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> ScalarEnd = SearchValues.Create(",]} \t\r\n"u8);

    /// <summary>
    /// The end (exclusive) of the value starting at <paramref name="start"/>, or -1 when the data ends first.
    /// </summary>
    public static int FindValueEnd(ReadOnlySpan<byte> data, int start)
    {
        var first = data[start];
        if (first is (byte)'{' or (byte)'[')
        {
            return FindContainerEnd(data, start);
        }

        if (first == (byte)'"')
        {
            return FindStringEnd(data, start + 1);
        }

        var length = data[start..].IndexOfAny(ScalarEnd);
        return length < 0 ? -1 : start + length;
    }

    /// <summary>Where the content of a whole object starts: after a UTF-8 byte order mark and whitespace.</summary>
    public static int SkipBomAndWhitespace(ReadOnlySpan<byte> data) =>
        SkipWhitespace(data, data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0);

    public static int SkipWhitespace(ReadOnlySpan<byte> data, int i)
    {
        while (i < data.Length && data[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    // Containers are where the bytes are (every record is one): the block scanner classifies 64 bytes at a time and
    // answers exactly as the byte loop below, which remains the reference and the fallback.
    private static int FindContainerEnd(ReadOnlySpan<byte> data, int start) =>
        Vector256.IsHardwareAccelerated ? FindContainerEndByBlocks(data, start) : FindContainerEndByBytes(data, start);

    // A byte loop, not IndexOfAny: CloudTrail strings are short (ten to fifty bytes), so a vectorised search
    // per string costs more in call overhead than it saves; long strings (tokens, user agents, policies) are handed
    // to the vectorised search in FindStringEnd.
    internal static int FindContainerEndByBytes(ReadOnlySpan<byte> data, int start)
    {
        var depth = 0;
        for (var i = start; i < data.Length; i++)
        {
            switch (data[i])
            {
                case (byte)'"':
                    i = FindStringEnd(data, i + 1) - 1;
                    if (i < 0)
                    {
                        return -1;
                    }

                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                default:
                    break;
            }
        }

        return -1;
    }

    // From just after an opening quote to just after the closing one; -1 when the data ends first.
    private static int FindStringEnd(ReadOnlySpan<byte> data, int i)
    {
        // Short strings: a plain loop over the first bytes.
        var shortEnd = Math.Min(data.Length, i + 32);
        for (; i < shortEnd; i++)
        {
            var b = data[i];
            if (b == (byte)'"')
            {
                return i + 1;
            }

            if (b == (byte)'\\')
            {
                // A backslash escapes the next byte (\" or \\); \uXXXX needs no special care here.
                i++;
            }
        }

        while (i < data.Length)
        {
            var hit = data[i..].IndexOfAny(StringSpecial);
            if (hit < 0)
            {
                return -1;
            }

            i += hit;
            if (data[i] == (byte)'"')
            {
                return i + 1;
            }

            i += 2;
        }

        return -1;
    }
}
