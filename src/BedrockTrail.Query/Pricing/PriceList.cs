using System.Globalization;

namespace BedrockTrail.Query.Pricing;

/// <summary>
/// Model prices read from a CSV (<c>model_id,input_per_1k,output_per_1k,source,as_of</c>). A line that cannot be read
/// is a problem in <see cref="Problems"/>, not an exception: the other prices still apply and the caller says why.
/// </summary>
public sealed record PriceList(IReadOnlyList<ModelPrice> Prices, IReadOnlyList<string> Problems)
{
    private const string DefaultResource = "pricing/pricing.csv";

    private static readonly string[] Header = ["model_id", "input_per_1k", "output_per_1k", "source", "as_of"];

    private static readonly Lazy<PriceList> DefaultList = new(() => Parse(ReadDefault(), "fixtures/pricing.csv"));

    /// <summary>The prices shipped with BedrockTrail (fixtures/pricing.csv, embedded in this assembly).</summary>
    public static PriceList Default => DefaultList.Value;

    public static PriceList Parse(string csv, string origin)
    {
        var prices = new List<ModelPrice>();
        var problems = new List<string>();
        var lines = csv.ReplaceLineEndings("\n").Split('\n');
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var headerRead = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = CsvLine.Split(line);
            if (!headerRead)
            {
                headerRead = true;
                if (!fields.Take(Header.Length).Select(f => f.Trim()).SequenceEqual(Header, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add($"{origin}: the first line must be the header {string.Join(",", Header)}");
                    return new PriceList(prices, problems);
                }

                continue;
            }

            var where = $"{origin} line {i + 1}";
            if (ParseLine(fields) is not { } price)
            {
                problems.Add(where + ": " + Reason(fields));
            }
            else if (!seen.Add(price.ModelId))
            {
                problems.Add($"{where}: {price.ModelId} is priced twice; the first price is kept");
            }
            else
            {
                prices.Add(price);
            }
        }

        if (!headerRead)
        {
            problems.Add($"{origin}: no header line (expected {string.Join(",", Header)})");
        }

        return new PriceList(prices, problems);
    }

    private static ModelPrice? ParseLine(IReadOnlyList<string> fields)
    {
        if (fields.Count < 3 || string.IsNullOrWhiteSpace(fields[0])
            || !TryPrice(fields[1], out var input) || !TryPrice(fields[2], out var output))
        {
            return null;
        }

        return new ModelPrice(fields[0].Trim(), input, output, fields.Count > 3 ? fields[3].Trim() : string.Empty, fields.Count > 4 ? fields[4].Trim() : string.Empty);
    }

    private static string Reason(IReadOnlyList<string> fields) =>
        fields.Count < 3 ? "expected at least model_id,input_per_1k,output_per_1k"
        : string.IsNullOrWhiteSpace(fields[0]) ? "model_id is empty"
        : !TryPrice(fields[1], out _) ? $"input_per_1k '{fields[1]}' is not a price (a number, 0 or more)"
        : $"output_per_1k '{fields[2]}' is not a price (a number, 0 or more)";

    private static bool TryPrice(string text, out decimal price) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out price) && price >= 0;

    private static string ReadDefault()
    {
        using var stream = typeof(PriceList).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException("The default price list is not embedded in " + typeof(PriceList).Assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
