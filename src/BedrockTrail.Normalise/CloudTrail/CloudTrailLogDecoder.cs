using BedrockTrail.Normalise.Json;

namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>
/// Decodes one CloudTrail log file (the decompressed <c>{"Records":[…]}</c> bytes) into lake rows: every Bedrock
/// event as a <see cref="Lake.BedrockCall"/>, every credential-issuing event (failed ones too) as a
/// <see cref="Lake.CredentialEvent"/>; everything else is counted and skipped.
/// <para>
/// Bad input is a value: a broken record becomes a <see cref="RecordFailure"/> and the rest of the file is still read;
/// a file that is not CloudTrail, broken or cut short gets a verdict, and every complete record before the damage has
/// already reached the sink. The decoder keeps no state between calls but is not meant to be shared between threads.
/// </para>
/// <para>
/// Speed: records are cut out of the array by <see cref="JsonValueScanner"/> and looked at as bytes by
/// <see cref="EventPrefilter"/>; only candidates are parsed. Skipped records cost no allocation.
/// </para>
/// </summary>
public sealed class CloudTrailLogDecoder
{
    private readonly CloudTrailDecoderOptions _options;

    public CloudTrailLogDecoder(CloudTrailDecoderOptions? options = null)
    {
        _options = options ?? CloudTrailDecoderOptions.Default;
    }

    /// <summary>Decodes one object. <paramref name="sourceObject"/> (the S3 key or file path) is copied into each row.</summary>
    public DecodeOutcome Decode(ReadOnlyMemory<byte> utf8Json, string sourceObject, INormalisedRowSink sink)
    {
        ArgumentNullException.ThrowIfNull(sourceObject);
        ArgumentNullException.ThrowIfNull(sink);

        var span = utf8Json.Span;
        var start = JsonValueScanner.SkipBomAndWhitespace(span);
        if (start >= span.Length)
        {
            return Outcome.Object(ObjectVerdict.Empty, "empty object");
        }

        var envelope = RecordsEnvelope.Locate(span, start);
        return envelope.Verdict == ObjectVerdict.Ok
            ? DecodeRecords(utf8Json, envelope.ArrayContentStart, sourceObject, sink)
            : Outcome.Object(envelope.Verdict, envelope.Reason);
    }

    private DecodeOutcome DecodeRecords(ReadOnlyMemory<byte> utf8Json, int position, string sourceObject, INormalisedRowSink sink)
    {
        var span = utf8Json.Span;
        var outcome = new Outcome();
        var pos = JsonValueScanner.SkipWhitespace(span, position);
        while (true)
        {
            if (pos >= span.Length)
            {
                return outcome.Truncated();
            }

            if (span[pos] == (byte)']')
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
                pos = JsonValueScanner.SkipWhitespace(span, pos + 1);
            }
            else if (pos < span.Length && span[pos] is not ((byte)']' or (byte)'{'))
            {
                // Neither a separator nor the next record ('{' after a missing comma is read on): the array's
                // structure is lost, so stop here, keeping what was read.
                return outcome.Broken($"unexpected byte 0x{span[pos]:X2} at offset {pos} after record {outcome.Scanned - 1}");
            }
        }
    }

    private void DecodeRecord(ReadOnlyMemory<byte> record, Outcome outcome, string sourceObject, INormalisedRowSink sink)
    {
        var index = outcome.Scanned++;
        var bytes = record.Span;
        if (bytes[0] != (byte)'{')
        {
            outcome.Fail(index, "record is not a JSON object");
            return;
        }

        if (!_options.ParseEveryRecord && !EventPrefilter.MayBeWanted(bytes))
        {
            return;
        }

        outcome.ParseAndMap(record, index, sourceObject, sink, CloudTrailRecordMapper.Map);
    }
}
