namespace BedrockTrail.Query.Output;

/// <summary>
/// What a report adds around its table: notes that qualify the numbers (e.g. how many calls have unknown tokens) and,
/// for HTML, charts. Empty for an ad-hoc query.
/// </summary>
public sealed record ReportPage(IReadOnlyList<string> Notes, IReadOnlyList<ChartImage> Charts)
{
    public static readonly ReportPage Empty = new([], []);
}
