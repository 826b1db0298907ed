using System.Text.Json;
using BedrockTrail.Synthetic.Truth;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Synthetic.Tests.Support;

/// <summary>One small corpus generated once and shared by the tests of a class (generation is the slow part).</summary>
public sealed class SmallCorpus : IDisposable
{
    public static readonly CorpusOptions Options = new()
    {
        Seed = 7,
        EventCount = 6_000,
        Days = 2,
        AccountCount = 4,
        BedrockShare = 0.1,
        CredentialShare = 0.04,
        DuplicateShare = 0.02,
    };

    private readonly TempFolder _folder = new("synthetic");

    public SmallCorpus()
    {
        Truth = CorpusGenerator.Generate(Options, _folder.Path);
        Records = CorpusFiles.TrailRecords(_folder.Path);
    }

    public string Root => _folder.Path;

    public GroundTruth Truth { get; }

    public List<(string Key, JsonElement Record)> Records { get; }

    public void Dispose() => _folder.Dispose();
}
