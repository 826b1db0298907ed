using System.Buffers;

namespace BedrockTrail.Normalise.Json;

/// <summary>
/// Finds where one JSON value ends without validating it: strings (with escapes) are jumped over, braces and
/// brackets counted. This is how the decoders cut a log into records. It is cheaper than a validating reader, and,
/// unlike one, it can step past a record whose inside is broken (a missing comma, a bad escape) to the next record,
/// so one bad record does not cost the rest of the file. Records it cuts out are validated when they are parsed.
/// </summary>
internal static class JsonValueScanner
{
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[]"u8);
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

    private static int FindContainerEnd(ReadOnlySpan<byte> data, int start)
    {
        var depth = 0;
        var i = start;
        while (i < data.Length)
        {
            var hit = data[i..].IndexOfAny(Structural);
            if (hit < 0)
            {
                return -1;
            }

            i += hit;
            var b = data[i];
            if (b == (byte)'"')
            {
                i = FindStringEnd(data, i + 1);
                if (i < 0)
                {
                    return -1;
                }

                continue;
            }

            depth += b is (byte)'{' or (byte)'[' ? 1 : -1;
            i++;
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    // From just after an opening quote to just after the closing one.
    private static int FindStringEnd(ReadOnlySpan<byte> data, int i)
    {
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

            // A backslash escapes the next byte (\" or \\); \uXXXX needs no special care here.
            i += 2;
        }

        return -1;
    }
}
