using BedrockTrail.Normalise.CloudTrail;
using BedrockTrail.Normalise.Json;

namespace BedrockTrail.Normalise.InvocationLogs;

/// <summary>
/// Decodes one Bedrock model invocation log object (decompressed): JSON lines as Bedrock writes them, a single
/// (possibly pretty-printed) object, or a JSON array of records. A bad line is a <see cref="RecordFailure"/>; the
/// other lines are still read. Records whose <c>schemaType</c> is not <c>ModelInvocationLog</c> are skipped.
/// </summary>
public sealed class InvocationLogDecoder
{
    /// <summary>Decodes one object. <paramref name="sourceObject"/> (the S3 key or file path) is copied into each row.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An instance API like CloudTrailLogDecoder's, so options can come later without changing callers.")]
    public DecodeOutcome Decode(ReadOnlyMemory<byte> utf8Json, string sourceObject, IInvocationLogSink sink)
    {
        ArgumentNullException.ThrowIfNull(sourceObject);
        ArgumentNullException.ThrowIfNull(sink);

        var span = utf8Json.Span;
        var start = JsonValueScanner.SkipBomAndWhitespace(span);
        if (start >= span.Length)
        {
            return Outcome.Object(ObjectVerdict.Empty, "empty object");
        }

        if (span[start] is not ((byte)'{' or (byte)'['))
        {
            return Outcome.Object(ObjectVerdict.Malformed, "not JSON: starts with byte 0x" + span[start].ToString("X2", null));
        }

        var outcome = new Outcome();
        if (span[start] == (byte)'[')
        {
            return DecodeValues(utf8Json, start + 1, inArray: true, outcome, sourceObject, sink);
        }

        // One record per line is how Bedrock writes, and lines let a broken record be stepped over even when its
        // brackets do not balance. A first record spanning lines means pretty-printed JSON: cut by brackets.
        var firstLineEnd = span[start..].IndexOf((byte)'\n');
        var firstEnd = JsonValueScanner.FindValueEnd(span, start);
        return firstLineEnd < 0 || (firstEnd >= 0 && firstEnd <= start + firstLineEnd)
            ? DecodeLines(utf8Json, start, outcome, sourceObject, sink)
            : DecodeValues(utf8Json, start, inArray: false, outcome, sourceObject, sink);
    }

    private static DecodeOutcome DecodeLines(ReadOnlyMemory<byte> utf8Json, int pos, Outcome outcome, string sourceObject, IInvocationLogSink sink)
    {
        var span = utf8Json.Span;
        while (pos < span.Length)
        {
            var lineLength = span[pos..].IndexOf((byte)'\n');
            var end = lineLength < 0 ? span.Length : pos + lineLength;
            if (!span[pos..end].Trim(" \t\r"u8).IsEmpty)
            {
                DecodeRecord(utf8Json[pos..end], outcome, sourceObject, sink);
            }

            pos = end + 1;
        }

        return outcome.Finished();
    }

    private static DecodeOutcome DecodeValues(ReadOnlyMemory<byte> utf8Json, int pos, bool inArray, Outcome outcome, string sourceObject, IInvocationLogSink sink)
    {
        var span = utf8Json.Span;
        while (true)
        {
            pos = JsonValueScanner.SkipWhitespace(span, pos);
            if (pos >= span.Length)
            {
                return inArray ? outcome.Truncated() : outcome.Finished();
            }

            if (inArray && span[pos] == (byte)']')
            {
                return outcome.Finished();
            }

            var end = JsonValueScanner.FindValueEnd(span, pos);
            if (end < 0)
            {
                return outcome.Truncated();
            }

            DecodeRecord(utf8Json[pos..end], outcome, sourceObject, sink);
            pos = JsonValueScanner.SkipWhitespace(span, end);
            if (pos < span.Length && span[pos] == (byte)',')
            {
                pos++;
            }
        }
    }

    private static void DecodeRecord(ReadOnlyMemory<byte> record, Outcome outcome, string sourceObject, IInvocationLogSink sink)
    {
        var index = outcome.Scanned++;
        outcome.ParseAndMap(record, index, sourceObject, sink, InvocationLogRecordMapper.Map);
    }
}
