using System.Globalization;

namespace BedrockTrail.Cli.Pipeline;

/// <summary>
/// A UTC window [Since, Until) on eventTime. Users write dates or timestamps; a bare date as --until means the whole of
/// that day, which is what people mean by "until the 8th".
/// </summary>
public sealed record TimeWindow(DateTimeOffset? Since, DateTimeOffset? Until)
{
    public static readonly TimeWindow All = new(null, null);

    public bool Contains(DateTime eventTimeUtc) =>
        (Since is null || eventTimeUtc >= Since.Value.UtcDateTime) && (Until is null || eventTimeUtc < Until.Value.UtcDateTime);

    public static TimeWindow Parse(string? since, string? until)
    {
        var from = since is null ? (DateTimeOffset?)null : ParseBound(since, "--since", endOfDay: false);
        var to = until is null ? (DateTimeOffset?)null : ParseBound(until, "--until", endOfDay: true);
        if (from is not null && to is not null && from >= to)
        {
            throw new UsageException($"--since ({since}) must be before --until ({until}).");
        }

        return new TimeWindow(from, to);
    }

    private static DateTimeOffset ParseBound(string text, string option, bool endOfDay)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
        {
            return moment;
        }

        throw new UsageException($"{option} '{text}' is neither a date (2024-10-08) nor a timestamp (2024-10-08T16:15:32Z).");
    }
}
