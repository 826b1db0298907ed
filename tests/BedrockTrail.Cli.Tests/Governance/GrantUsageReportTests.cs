using BedrockTrail.Cli.Tests.Support;
using BedrockTrail.Query.Reports;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Cli.Tests.Governance;

/// <summary>grant-usage over a lake whose used and unused grants are known (fixtures/iam/SOURCES.md).</summary>
public sealed class GrantUsageReportTests
{
    private const string Prod = "arn:aws:iam::111111111111:";
    private const string DataScience = Prod + "role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DataScience_0a1b2c3d4e5f6789";

    [Fact]
    public async Task GrantUsage_FixtureLake_EveryPrincipalMatchesTheTruth()
    {
        // Given the governance trail, both IAM exports and the approved-use file
        using var folder = new TempFolder("grant-usage");
        var lake = await GovernanceLake.BuildAsync(folder, withApprovedUse: true);

        // When the report runs over the whole window
        var rows = GovernanceLake.GrantUsage(lake);

        // Then there is one row per principal that holds or exercised a grant, each as the fixture's truth says
        string[] columns = ["granted", "used", "calls", "used_by", "findings"];
        var expected = new Dictionary<string, string>
        {
            [Prod + "role/AppInvoker"] = "true|false|0|null|unused-grant",
            [Prod + "role/LegacyAnalytics"] = "false|true|1|i-0a1b2c3d4e5f67890|used-not-granted, no-approved-purpose",
            [Prod + "role/PlatformAdmin"] = "true|false|0|null|unused-grant, admin-and-invoke, conditions-not-evaluated",
            [Prod + "role/PowerUser"] = "true|false|0|null|unused-grant, admin-and-invoke",
            [Prod + "role/RegionBoundInvoker"] = "true|false|0|null|unused-grant, conditions-not-evaluated, boundary-not-evaluated",
            [Prod + "role/RestrictedInvoker"] = "false|false|0|null|invoke-denied",
            [DataScience] = "true|true|5|alice@example.com, bob@example.com|model-outside-grant, outside-approval",
            [Prod + "user/carol"] = "true|false|0|null|unused-grant, long-term-credentials",
            [Prod + "user/svc/batch-scorer"] = "true|true|3|arn:aws:iam::111111111111:user/svc/batch-scorer|long-term-credentials",
            ["arn:aws:iam::222222222222:role/PartnerInvoker"] = "false|true|1|arn:aws:iam::222222222222:role/PartnerInvoker|account-not-imported, no-approved-purpose",
            ["arn:aws:iam::333333333333:role/DevInvoker"] = "true|true|1|arn:aws:iam::333333333333:role/DevInvoker|no-approved-purpose",
        };
        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + " " + e.Value),
            rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key + " " + string.Join("|", columns.Select(c => r.Value[c]))));
    }

    [Fact]
    public async Task GrantUsage_SharedIdentityCenterRole_ShowsThePeopleModelsAndBreaches()
    {
        using var folder = new TempFolder("grant-usage");
        var lake = await GovernanceLake.BuildAsync(folder, withApprovedUse: true);

        var row = GovernanceLake.GrantUsage(lake)[DataScience];

        Assert.Equal("anthropic.claude-*, inference-profile/us.anthropic.claude-*", row["models_granted"]);
        Assert.Equal("amazon.titan-embed-text-v2:0", row["models_used_outside_grant"]);
        Assert.Equal("2", row["identities"]);
        Assert.Equal("2026-03-10T11:06:00", row["last_used"]);
        // Opus (model not approved), the us-west-2 profile call (region not approved) and Titan (model not approved)
        Assert.Equal("3", row["calls_outside_approval"]);
        Assert.Equal("null", row["identities_without_purpose"]);
    }

    [Fact]
    public async Task GrantUsage_WithoutApprovedUse_LeavesApprovalColumnsNull()
    {
        using var folder = new TempFolder("grant-usage");
        var lake = await GovernanceLake.BuildAsync(folder, withApprovedUse: false);

        var rows = GovernanceLake.GrantUsage(lake);

        Assert.All(rows.Values, r => Assert.Equal(("null", "null"), (r["calls_outside_approval"], r["identities_without_purpose"])));
        Assert.Equal("used-not-granted", rows[Prod + "role/LegacyAnalytics"]["findings"]);
    }

    [Fact]
    public async Task GrantUsage_WindowAfterTheNightlyBatch_MakesItsGrantUnused()
    {
        using var folder = new TempFolder("grant-usage");
        var lake = await GovernanceLake.BuildAsync(folder, withApprovedUse: false);

        var rows = GovernanceLake.GrantUsage(lake, new ReportParameters(From: new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc)));

        var scorer = rows[Prod + "user/svc/batch-scorer"];
        Assert.Equal(("true", "false", "0", "unused-grant, long-term-credentials"), (scorer["granted"], scorer["used"], scorer["calls"], scorer["findings"]));
    }

    [Fact]
    public async Task Report_GrantUsageAsCsv_RunsFromTheCommandLine()
    {
        using var folder = new TempFolder("grant-usage");
        var lake = await GovernanceLake.BuildAsync(folder, withApprovedUse: false);

        var run = await CliRunner.RunAsync("report", "grant-usage", "--lake", lake, "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("principal_arn,principal_type,account_id,granted,used,models_granted,models_used,calls,used_by,last_used,findings,", run.Out, StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::111111111111:role/AppInvoker,role,111111111111,true,false,*,,0,,,unused-grant,", run.Out, StringComparison.Ordinal);
    }
}
