namespace BedrockTrail.Cli.Pipeline;

/// <summary>Everything an ingest run needs to know, validated by the command that built it.</summary>
public sealed record IngestRequest
{
    public required IReadOnlyList<string> Sources { get; init; }

    public required string LakePath { get; init; }

    public TimeWindow Window { get; init; } = TimeWindow.All;

    public IReadOnlySet<string>? Accounts { get; init; }

    public IReadOnlySet<string>? Regions { get; init; }

    /// <summary>Objects fetched and decoded at once. S3 latency is hidden by concurrency, so the default exceeds the cores.</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    public S3Settings S3 { get; init; } = S3Settings.Default;

    /// <summary>Bring identity resolution up to date after the new rows are committed.</summary>
    public bool Resolve { get; init; } = true;

    public string? IdentityCenterUsersFile { get; init; }

    /// <summary>Rows per partition that make a Parquet part file (row groups are this size or smaller).</summary>
    internal int RowsPerFile { get; init; } = 100_000;

    public static int DefaultConcurrency => Math.Max(4, Environment.ProcessorCount * 4);
}
