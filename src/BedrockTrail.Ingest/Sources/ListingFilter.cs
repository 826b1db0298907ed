using BedrockTrail.Ingest.Layout;

namespace BedrockTrail.Ingest.Sources;

/// <summary>Which objects a listing returns. Null members do not filter.</summary>
/// <param name="Since">Earliest event time wanted (UTC is used).</param>
/// <param name="Until">Latest event time wanted (UTC is used).</param>
/// <param name="Accounts">12-digit account ids; objects of other accounts are not listed.</param>
/// <param name="Regions">Region names; objects of other regions are not listed.</param>
/// <remarks>
/// Folder dates are delivery dates, so the listing covers the delivery days from the day before
/// <paramref name="Since"/> to the day after <paramref name="Until"/>: an event late on the last day is often
/// delivered after midnight. Callers filter records on <c>eventTime</c> themselves.
/// </remarks>
public sealed record ListingFilter(
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    IReadOnlySet<string>? Accounts,
    IReadOnlySet<string>? Regions)
{
    public static ListingFilter All { get; } = new(null, null, null, null);

    /// <summary>First delivery day to list, padded by one day; null when unbounded.</summary>
    public DateOnly? FirstDeliveryDay =>
        Since is { } since ? DateOnly.FromDateTime(since.UtcDateTime).AddDays(-1) : null;

    /// <summary>Last delivery day to list, padded by one day; null when unbounded.</summary>
    public DateOnly? LastDeliveryDay =>
        Until is { } until ? DateOnly.FromDateTime(until.UtcDateTime).AddDays(1) : null;

    public bool HasDateWindow => Since is not null || Until is not null;

    public bool IncludesAccount(string account) => Accounts is null || Accounts.Contains(account);

    public bool IncludesRegion(string region) => Regions is null || Regions.Contains(region);

    public bool IncludesDay(DateOnly day) =>
        (FirstDeliveryDay is not { } first || day >= first) && (LastDeliveryDay is not { } last || day <= last);

    /// <summary>
    /// Whether a listed object passes. What the key does not say does not exclude: a Skipped object with no date
    /// passes a date window, so the caller still sees and counts it.
    /// </summary>
    public bool Includes(LogObjectKey layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return (layout.AccountId is not { } account || IncludesAccount(account))
            && (layout.Region is not { } region || IncludesRegion(region))
            && (layout.DeliveryDate is not { } day || IncludesDay(day));
    }
}
