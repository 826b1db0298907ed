namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>
/// The cheap look at a record's raw bytes that lets the decoder skip noise without parsing it. Most of a trail is
/// neither Bedrock nor a credential event, so this is where the decoder's time goes. It must never reject a record
/// that <see cref="EventCatalog.Classify"/> would keep: it reads the value after every <c>"eventSource"</c> and
/// <c>"eventName"</c> key in the record (a nested key of that name can only add candidates, not hide the top-level
/// one), and when in doubt (escapes in the value, no key at all) it says "parse it".
/// </summary>
internal static class EventPrefilter
{
    public static bool MayBeWanted(ReadOnlySpan<byte> record)
    {
        var sawSource = false;
        var credentialSource = false;
        var from = 0;
        while (TryNextValue(record, "\"eventSource\""u8, ref from, out var value, out var plain))
        {
            sawSource = true;
            if (!plain || EventCatalog.IsBedrockSource(value))
            {
                return true;
            }

            credentialSource |= EventCatalog.IsCredentialSource(value);
        }

        if (!sawSource)
        {
            // Let the full parse report the record as missing its eventSource.
            return true;
        }

        if (!credentialSource)
        {
            return false;
        }

        from = 0;
        var sawName = false;
        while (TryNextValue(record, "\"eventName\""u8, ref from, out var value, out var plain))
        {
            sawName = true;
            if (!plain || EventCatalog.IsAnyCredentialEventName(value))
            {
                return true;
            }
        }

        return !sawName;
    }

    // Finds the next `key` followed by `:` and a string value; `plain` is false when the value has escapes or is
    // not a simple string, which the caller treats as "maybe".
    private static bool TryNextValue(ReadOnlySpan<byte> record, ReadOnlySpan<byte> key, ref int from, out ReadOnlySpan<byte> value, out bool plain)
    {
        value = default;
        plain = false;
        while (from < record.Length)
        {
            var hit = record[from..].IndexOf(key);
            if (hit < 0)
            {
                from = record.Length;
                return false;
            }

            var i = from + hit + key.Length;
            from = i;
            i = SkipWhitespace(record, i);
            if (i >= record.Length || record[i] != (byte)':')
            {
                // The text appeared as a value, not as a key; look further.
                continue;
            }

            i = SkipWhitespace(record, i + 1);
            if (i >= record.Length || record[i] != (byte)'"')
            {
                // null or another type: only the full parse can judge it.
                return true;
            }

            var rest = record[(i + 1)..];
            var end = rest.IndexOfAny((byte)'"', (byte)'\\');
            if (end < 0)
            {
                return true;
            }

            plain = rest[end] == (byte)'"';
            value = rest[..end];
            return true;
        }

        return false;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> data, int i)
    {
        while (i < data.Length && data[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }
}
