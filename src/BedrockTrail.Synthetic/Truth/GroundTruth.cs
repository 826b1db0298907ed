using System.Text.Json;
using System.Text.Json.Serialization;

namespace BedrockTrail.Synthetic.Truth;

/// <summary>
/// What a generated corpus contains and what the pipeline must conclude from it. Written as <c>truth.json</c> beside
/// the corpus (outside the AWSLogs tree, so an ingest never mistakes it for a log).
/// </summary>
public sealed record GroundTruth
{
    public const string FileName = "truth.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required CorpusOptionsSummary Options { get; init; }
    /// <summary>Expected identity per session key.</summary>
    public required IReadOnlyDictionary<string, SessionTruth> Sessions { get; init; }
    /// <summary>Bedrock event id to the session key it was made with.</summary>
    public required IReadOnlyDictionary<string, string> Calls { get; init; }
    public required TruthTotals Totals { get; init; }
    public required IReadOnlyList<PlantedPattern> LlmJacking { get; init; }
    /// <summary>Accounts whose trails are in the corpus, management account first.</summary>
    public required IReadOnlyList<string> Accounts { get; init; }

    public static GroundTruth Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<GroundTruth>(stream, JsonOptions)
            ?? throw new InvalidDataException(path + " holds no ground truth.");
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, this, JsonOptions);
    }
}

/// <summary>The options a corpus was made with, as recorded in its truth (enough to regenerate it).</summary>
public sealed record CorpusOptionsSummary(int Seed, int EventCount, DateOnly StartDate, int Days, string? OrgId, IReadOnlyList<string> Regions);
