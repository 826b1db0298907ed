using System.Globalization;
using System.Text.Json.Nodes;
using BedrockTrail.Cli.Tests.Support;
using BedrockTrail.Lake;
using BedrockTrail.Query;
using BedrockTrail.Query.Reports;
using BedrockTrail.TestSupport;
using BedrockTrail.TestSupport.Trails;

namespace BedrockTrail.Cli.Tests.Governance;

/// <summary>
/// A lake whose truth is known (fixtures/iam/SOURCES.md): the governance trail ingested and resolved, the two IAM
/// exports imported, optionally the approved-use file.
/// </summary>
internal static class GovernanceLake
{
    public static string Iam => Path.Combine(RepoPaths.Fixtures, "iam");

    public static string Accounts => Path.Combine(Iam, "accounts");

    public static string ApprovedUse => Path.Combine(Iam, "approved-use.yaml");

    /// <summary>Lays the fixture trail out as a trail bucket does: one log file per account and region.</summary>
    public static async Task IngestTrailAsync(TempFolder folder, string lake)
    {
        var records = JsonNode.Parse(File.ReadAllText(Path.Combine(Iam, "trail", "governance-trail.json")))!["Records"]!.AsArray().Select(r => r!);
        var trail = new TrailFolder(folder.Sub("trail"));
        foreach (var file in records.GroupBy(r => ((string)r["recipientAccountId"]!, (string)r["awsRegion"]!)))
        {
            trail.AddLogFile(file.Key.Item1, file.Key.Item2, new DateTime(2026, 3, 10, 16, 0, 0, DateTimeKind.Utc), file);
        }

        var run = await CliRunner.RunAsync("ingest", "--source", trail.Root, "--lake", lake);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    public static async Task<string> BuildAsync(TempFolder folder, bool withApprovedUse)
    {
        var lake = folder.Sub("lake");
        await IngestTrailAsync(folder, lake);
        var args = new List<string> { "import-iam", "--lake", lake, Accounts };
        if (withApprovedUse)
        {
            args.AddRange(["--approved-use", ApprovedUse]);
        }

        var import = await CliRunner.RunAsync([.. args]);
        Assert.True(import.ExitCode == 0, import.ToString());
        return lake;
    }

    /// <summary>Runs grant-usage and returns each row as column name → text, keyed by principal ARN.</summary>
    public static Dictionary<string, Dictionary<string, string>> GrantUsage(string lake, ReportParameters? parameters = null)
    {
        using var database = LakeDatabase.Open(new LakeLayout(lake));
        var result = ReportRunner.Run(database, ReportCatalog.Find("grant-usage")!, parameters ?? new ReportParameters());
        return result.Rows.ToDictionary(
            r => (string)r[result.ColumnIndex("principal_arn")]!,
            r => result.Columns.Select((c, i) => (c, Text(r[i]))).ToDictionary(x => x.c, x => x.Item2));
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
