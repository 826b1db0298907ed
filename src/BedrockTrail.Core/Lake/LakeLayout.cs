using System.Globalization;
using BedrockTrail.Lake.Schema;

namespace BedrockTrail.Lake;

/// <summary>
/// Where everything lives inside a lake folder. Tables are hive-partitioned (<c>table/date=YYYY-MM-DD/part-*.parquet</c>)
/// so any Parquet reader (DuckDB, Spark, Athena) reads them directly; bookkeeping sits under <c>_bookkeeping/</c>.
/// </summary>
public sealed class LakeLayout
{
    public const string DataFileExtension = ".parquet";
    public const string PendingSuffix = ".tmp";

    public LakeLayout(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string Bookkeeping => Path.Combine(Root, LakeTables.BookkeepingFolder);

    public string IngestedFolder => Path.Combine(Bookkeeping, "ingested");

    public string QuarantineFolder => Path.Combine(Bookkeeping, "quarantine");

    public string LockFile => Path.Combine(Bookkeeping, "lake.lock");

    public string GrantsFolder => Path.Combine(Root, "grants");

    public string IdentitiesFile => Path.Combine(TableFolder(LakeTables.Identities.Name), "identities" + DataFileExtension);

    public string TableFolder(string table) => Path.Combine(Root, table);

    /// <summary>
    /// True if the lake holds Bedrock calls or credential events, the tables identity resolution reads: a Parquet file
    /// lies below either table's folder (the lake's views read every one).
    /// </summary>
    public bool HoldsSessionRows() => HasDataFiles(LakeTables.BedrockCalls.Name) || HasDataFiles(LakeTables.CredentialEvents.Name);

    private bool HasDataFiles(string table) =>
        Directory.Exists(TableFolder(table))
        && Directory.EnumerateFiles(TableFolder(table), "*" + DataFileExtension, SearchOption.AllDirectories).Any();

    public string PartitionFolder(string table, DateOnly date) =>
        Path.Combine(TableFolder(table), "date=" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A data file name carries its run id so that files of a run that never committed can be found and removed.</summary>
    public static string PartFileName(string runId, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"part-{runId}-{sequence:D5}{DataFileExtension}");

    public static string RunFileName(string runId) => "run-" + runId + DataFileExtension;

    /// <summary>The run id in a part or run file name, or null for names this lake did not write.</summary>
    public static string? RunIdOf(string fileName)
    {
        if (!fileName.EndsWith(DataFileExtension, StringComparison.Ordinal))
        {
            return null;
        }

        var stem = fileName[..^DataFileExtension.Length];
        if (stem.StartsWith("run-", StringComparison.Ordinal))
        {
            return stem["run-".Length..];
        }

        if (!stem.StartsWith("part-", StringComparison.Ordinal))
        {
            return null;
        }

        var lastDash = stem.LastIndexOf('-');
        return lastDash > "part-".Length ? stem["part-".Length..lastDash] : null;
    }
}
