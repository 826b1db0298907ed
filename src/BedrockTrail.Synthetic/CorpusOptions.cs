using System.IO.Compression;

namespace BedrockTrail.Synthetic;

/// <summary>
/// Everything that shapes a synthetic corpus. The same options (seed included) always produce byte-identical files.
/// </summary>
public sealed record CorpusOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Approximate number of distinct CloudTrail events across all files (noise included).</summary>
    public int EventCount { get; init; } = 10_000;

    /// <summary>First UTC day of the corpus window.</summary>
    public DateOnly StartDate { get; init; } = new(2025, 3, 3);

    public int Days { get; init; } = 2;

    /// <summary>Organization id for an organization trail layout (AWSLogs/o-.../account/...); null for the per-account layout.</summary>
    public string? OrgId { get; init; } = "o-a1b2c3d4e5";

    /// <summary>Accounts whose trails are in the corpus; the first is the management (Identity Center) account.</summary>
    public int AccountCount { get; init; } = 4;

    public IReadOnlyList<string> Regions { get; init; } = ["us-east-1", "eu-west-1"];

    /// <summary>Share of events that are Bedrock calls (runtime, control plane, agents).</summary>
    public double BedrockShare { get; init; } = 0.035;

    /// <summary>Share of events that issue credentials (STS, Identity Center GetRoleCredentials).</summary>
    public double CredentialShare { get; init; } = 0.015;

    /// <summary>Share of successful runtime invocations that also get a model invocation log record (tokens).</summary>
    public double InvocationLogShare { get; init; } = 0.6;

    /// <summary>Share of planted events CloudTrail delivers twice, in two files.</summary>
    public double DuplicateShare { get; init; } = 0.003;

    public CorpusScenarios Scenarios { get; init; } = CorpusScenarios.All;

    /// <summary>Gzip level; <see cref="CompressionLevel.Fastest"/> for the bench corpus.</summary>
    public CompressionLevel Compression { get; init; } = CompressionLevel.Optimal;

    /// <summary>The small corpus committed under fixtures/ for <c>make demo</c>: every scenario, rich in Bedrock events.</summary>
    public static CorpusOptions Demo() => new()
    {
        Seed = 20250303,
        EventCount = 2_500,
        Days = 2,
        AccountCount = 4,
        BedrockShare = 0.22,
        CredentialShare = 0.1,
        InvocationLogShare = 0.7,
        DuplicateShare = 0.01,
    };

    /// <summary>The benchmark corpus: about <paramref name="events"/> events, 5 % of them kept (Bedrock + credentials).</summary>
    public static CorpusOptions Bench(int events = 1_000_000) => new()
    {
        Seed = 42,
        EventCount = events,
        Days = 3,
        AccountCount = 6,
        Regions = ["us-east-1", "us-west-2", "eu-west-1"],
        BedrockShare = 0.035,
        CredentialShare = 0.015,
        InvocationLogShare = 0.5,
        DuplicateShare = 0.002,
        Compression = CompressionLevel.Fastest,
    };

    /// <summary>What is wrong with these options; empty when they can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (EventCount < 100)
        {
            problems.Add("EventCount must be at least 100.");
        }

        if (Days is < 1 or > 366)
        {
            problems.Add("Days must be between 1 and 366.");
        }

        if (AccountCount is < 2 or > 50)
        {
            problems.Add("AccountCount must be between 2 and 50.");
        }

        if (Regions.Count == 0 || Regions.Any(string.IsNullOrWhiteSpace) || Regions.Distinct(StringComparer.Ordinal).Count() != Regions.Count)
        {
            problems.Add("Regions must be a non-empty list of distinct region names.");
        }

        if (OrgId is not null && !OrgId.StartsWith("o-", StringComparison.Ordinal))
        {
            problems.Add("OrgId must start with 'o-' (or be null for the per-account layout).");
        }

        foreach (var (name, share) in new[] { ("BedrockShare", BedrockShare), ("CredentialShare", CredentialShare), ("InvocationLogShare", InvocationLogShare), ("DuplicateShare", DuplicateShare) })
        {
            if (share is < 0 or > 1 || double.IsNaN(share))
            {
                problems.Add(name + " must be between 0 and 1.");
            }
        }

        if (BedrockShare + CredentialShare > 0.9)
        {
            problems.Add("BedrockShare + CredentialShare must leave room for noise (at most 0.9).");
        }

        return problems;
    }
}
