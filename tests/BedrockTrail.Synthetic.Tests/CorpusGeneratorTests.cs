using System.Security.Cryptography;
using BedrockTrail.Synthetic.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Synthetic.Tests;

public sealed class CorpusGeneratorTests
{
    private static readonly CorpusOptions Tiny = new() { Seed = 3, EventCount = 1_500, Days = 1, AccountCount = 3, BedrockShare = 0.1, CredentialShare = 0.05 };

    [Fact]
    public void Generate_SameSeedTwice_WritesByteIdenticalFiles()
    {
        using var first = new TempFolder("det-a");
        using var second = new TempFolder("det-b");

        CorpusGenerator.Generate(Tiny, first.Path);
        CorpusGenerator.Generate(Tiny, second.Path);

        Assert.Equal(Fingerprint(first.Path), Fingerprint(second.Path));
    }

    [Fact]
    public void Generate_DifferentSeed_WritesDifferentFiles()
    {
        using var first = new TempFolder("det-c");
        using var second = new TempFolder("det-d");

        CorpusGenerator.Generate(Tiny, first.Path);
        CorpusGenerator.Generate(Tiny with { Seed = 4 }, second.Path);

        var a = Fingerprint(first.Path);
        var b = Fingerprint(second.Path);
        Assert.NotEqual(a, b);
        var sameBytes = a.Keys.Intersect(b.Keys).Count(k => k.EndsWith(".json.gz", StringComparison.Ordinal) && a[k] == b[k]);
        Assert.Equal(0, sameBytes);
    }

    [Fact]
    public void Generate_InvalidOptions_ThrowsWithEveryProblem()
    {
        using var folder = new TempFolder("invalid");

        var error = Assert.Throws<ArgumentException>(() => CorpusGenerator.Generate(new CorpusOptions { EventCount = 5, Regions = [] }, folder.Path));

        Assert.Contains("EventCount must be at least 100.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Regions must be a non-empty list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PresetOptions_HaveNoProblems()
    {
        Assert.Empty(CorpusOptions.Demo().Validate());
        Assert.Empty(CorpusOptions.Bench().Validate());
        Assert.Equal(1_000_000, CorpusOptions.Bench().EventCount);
        Assert.Equal(System.IO.Compression.CompressionLevel.Fastest, CorpusOptions.Bench(2_000).Compression);
    }

    private static SortedDictionary<string, string> Fingerprint(string root) =>
        new(CorpusFiles.Keys(root).ToDictionary(k => k, k => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, k))))), StringComparer.Ordinal);
}
