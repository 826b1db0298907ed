using System.Globalization;

namespace BedrockTrail.Normalise.Json;

/// <summary>
/// Reads the timestamps CloudTrail and its re-exporters write: <c>2024-01-01T00:00:00Z</c> (CloudTrail, second
/// precision), with fractional seconds of any length, Panther's space-separated <c>2024-01-01 00:00:00.000000000</c>
/// (nine digits, more than <see cref="DateTime"/> parses), an explicit offset, or the compact
/// <c>20131102T010628Z</c> some AWS documentation examples show. The result is always <see cref="DateTimeKind.Utc"/>;
/// a time without zone is taken as UTC, which is what CloudTrail means.
/// </summary>
internal static class LenientTime
{
    private static readonly string[] CompactFormats = ["yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd'T'HHmmssK"];

    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.AsSpan().Trim();
        return TryParseExtended(s, out var value) ? value : ParseFallback(s);
    }

    // yyyy-MM-dd[T| ]HH:mm:ss[.fffffffff][Z|±HH:mm|±HHmm| UTC]
    private static bool TryParseExtended(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[13] != ':' || s[16] != ':' || s[10] is not ('T' or 't' or ' '))
        {
            return false;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (i < s.Length && s[i] is '.' or ',')
        {
            i++;
            var scale = TimeSpan.TicksPerSecond / 10;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                fractionTicks += (s[i] - '0') * scale;
                scale /= 10;
                i++;
            }
        }

        if (!TryOffset(s[i..].Trim(), out var offset))
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fractionTicks);
        value = local - offset;
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.IsEmpty || zone is "Z" or "z" || zone.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (zone[0] is not ('+' or '-'))
        {
            return false;
        }

        var digits = zone[1..];
        var hoursPart = digits.Length >= 2 ? digits[..2] : default;
        var minutesPart = digits.Length == 5 && digits[2] == ':' ? digits[3..] : digits.Length == 4 ? digits[2..] : digits.Length == 2 ? "00" : default;
        if (hoursPart.IsEmpty || minutesPart.IsEmpty || !TryDigits(hoursPart, out var hours) || !TryDigits(minutesPart, out var minutes))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (zone[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static DateTime? ParseFallback(ReadOnlySpan<char> s)
    {
        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        return DateTime.TryParseExact(s, CompactFormats, CultureInfo.InvariantCulture, Styles, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : null;
    }
}
