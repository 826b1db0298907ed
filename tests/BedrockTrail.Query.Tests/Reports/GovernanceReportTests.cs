using BedrockTrail.Query.Output;
using BedrockTrail.Query.Reports;
using BedrockTrail.TestSupport.Golden;

namespace BedrockTrail.Query.Tests.Reports;

public sealed class GovernanceReportTests
{
    private static QueryResult Run(AttackLake lake, string report, ReportParameters? parameters = null)
    {
        using var db = lake.Open();
        return ReportRunner.Run(db, ReportCatalog.Find(report)!, parameters ?? new ReportParameters());
    }

    private static string[] Column(QueryResult result, string column) =>
        result.Rows.Select(r => r[result.ColumnIndex(column)] as string ?? string.Empty).ToArray();

    [Fact]
    public async Task Llmjacking_PlantedAttack_SixPatternsForTheLeakedKeyOnly()
    {
        using var lake = await AttackLake.CreateAsync();

        var result = Run(lake, "llmjacking");

        // Alice's daily SSO use (models listed, a region a colleague uses), bob's single error and the admin's
        // configuration are ordinary; the leaked key shows every pattern, in time order.
        Assert.All(Column(result, "identity"), i => Assert.Equal(AttackLake.Deployer, i));
        Assert.Equal(
            ["long-term-key-new-ip", "recon-then-invoke", "model-access-enablement", "logging-disabled", "error-burst", "new-region"],
            Column(result, "pattern"));
        Assert.Equal(
            "2 invocation(s) in ap-south-1, a region new to the identity (earlier: us-east-1) and to every ingested account",
            Column(result, "evidence")[5]);
        Assert.Equal("AKIADEPLOYER00000001 invoked 9 time(s) from 185.220.101.9, an address it had not used (earlier: 10.0.0.8)", Column(result, "evidence")[0]);
    }

    [Fact]
    public async Task Llmjacking_WindowBeforeTheAttack_NothingFlagged()
    {
        using var lake = await AttackLake.CreateAsync();

        var result = Run(lake, "llmjacking", new ReportParameters(To: AttackLake.Day1.AddDays(2)));

        Assert.Empty(result.Rows);
    }

    [Fact]
    public async Task SeparationOfDuties_AdminOnlyAndDualRole_OnlyTheDualRoleAndTheAttacker()
    {
        using var lake = await AttackLake.CreateAsync();

        var result = Run(lake, "separation-of-duties");

        // Only successful admin writes count: the attacker's four (model access x3, logging deleted), the data
        // scientist's fine-tuning job. The platform admin never invokes.
        Assert.Equal([AttackLake.Deployer, "data.scientist@example.com"], Column(result, "identity"));
        Assert.Equal([4L, 1L], result.Rows.Select(r => r[result.ColumnIndex("admin_events")]));
        Assert.Equal([5L, 2L], result.Rows.Select(r => r[result.ColumnIndex("invoke_events")]));
    }

    [Fact]
    public async Task CrossAccount_PartnerAndChainedPerson_ExternalFirst()
    {
        using var lake = await AttackLake.CreateAsync();

        var result = Run(lake, "cross-account");

        Assert.Equal([AttackLake.Partner, "carol@example.com"], Column(result, "identity"));
        Assert.Equal(["111122223333, 999988887777", "111122223333, 222233334444"], Column(result, "accounts"));
        Assert.Equal([true, false], result.Rows.Select(r => r[result.ColumnIndex("leaves_ingested_accounts")]));
    }

    [Theory]
    [InlineData("llmjacking", ResultFormat.Md, "md")]
    [InlineData("llmjacking", ResultFormat.Table, "txt")]
    [InlineData("separation-of-duties", ResultFormat.Md, "md")]
    [InlineData("separation-of-duties", ResultFormat.Table, "txt")]
    [InlineData("cross-account", ResultFormat.Md, "md")]
    [InlineData("cross-account", ResultFormat.Table, "txt")]
    public async Task Render_AttackLake_MatchesGoldenFile(string name, ResultFormat format, string extension)
    {
        using var lake = await AttackLake.CreateAsync();

        var text = ResultRenderer.Render(Run(lake, name), format, name);

        GoldenFile.AssertMatches(text, $"tests/BedrockTrail.Query.Tests/Reports/Golden/{name}.{extension}");
    }
}
