using BedrockTrail.Query.Reports;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Query.Tests.Reports;

public sealed class KnownAnswerTests
{
    private static QueryResult Run(KnownLake lake, string report, ReportParameters? parameters = null)
    {
        using var db = lake.Open();
        return ReportRunner.Run(db, ReportCatalog.Find(report)!, parameters ?? new ReportParameters(), KnownLake.Prices);
    }

    private static object?[] Row(QueryResult result, int index, params string[] columns) =>
        columns.Select(c => result.Rows[index][result.ColumnIndex(c)]).ToArray();

    [Fact]
    public async Task InvocationsByIdentity_KnownLake_CallsTokensAndCostPerIdentity()
    {
        using var lake = await KnownLake.CreateAsync();

        var result = Run(lake, "invocations-by-identity");

        // alice: e1 (1000/500 at 0.003/0.015), e2 (no log), e3 (2000/1000 at 0.00025/0.00125), orphan log (300/300 nova-lite)
        string[] columns = ["identity", "identity_kind", "calls", "errors", "input_tokens", "output_tokens", "cost_usd", "calls_without_tokens", "unpriced_calls"];
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(["alice@example.com", "human", 4L, 0L, 3300L, 1800L, 0.01234m, 1L, 0L], Row(result, 0, columns).Select(Normalise));
        Assert.Equal([KnownLake.DeployerArn, "iam_user", 2L, 1L, 100L, 100L, null, 1L, 1L], Row(result, 1, columns).Select(Normalise));
        Assert.Equal([KnownLake.LegacyRole, "unresolved", 1L, 0L, 10L, 20L, 0.000028m, 0L, 0L], Row(result, 2, columns).Select(Normalise));
    }

    [Fact]
    public async Task CostByIdentity_KnownLake_TokensAddUpToInvocationLogs()
    {
        using var lake = await KnownLake.CreateAsync();
        using var db = lake.Open();

        var result = ReportRunner.Run(db, ReportCatalog.Find("cost-by-identity")!, new ReportParameters(), KnownLake.Prices);
        var logs = db.Query("SELECT sum(input_tokens), sum(output_tokens) FROM invocation_logs").Rows[0];

        var input = result.Rows.Sum(r => (long?)r[result.ColumnIndex("input_tokens")] ?? 0);
        var output = result.Rows.Sum(r => (long?)r[result.ColumnIndex("output_tokens")] ?? 0);
        Assert.Equal(3410L, input);
        Assert.Equal(1920L, output);
        Assert.Equal((decimal)(System.Numerics.BigInteger)logs[0]!, input);
        Assert.Equal((decimal)(System.Numerics.BigInteger)logs[1]!, output);
    }

    [Fact]
    public async Task CostByIdentity_DayWindow_OnlyThatDaysRows()
    {
        using var lake = await KnownLake.CreateAsync();

        var result = Run(lake, "cost-by-identity", new ReportParameters(From: KnownLake.Day1.Date.AddDays(1), To: KnownLake.Day1.Date.AddDays(2)));

        var row = Assert.Single(result.Rows);
        Assert.Equal(["alice@example.com", "anthropic.claude-3-haiku-20240307-v1:0", 2000L, 1000L, 0.00175m], Row(result, 0, "identity", "model_id", "input_tokens", "output_tokens", "cost_usd").Select(Normalise));
    }

    [Fact]
    public async Task WhoInvoked_IdentityFilter_TimelineOfThatIdentityWithChainAndIp()
    {
        using var lake = await KnownLake.CreateAsync();

        var result = Run(lake, "who-invoked", new ReportParameters(Identity: "alice@example.com"));

        Assert.Equal(["e1", "e2", "e3-list", "e3"], result.Rows.Select(r => r[result.ColumnIndex("event_id")]));
        Assert.Equal(["InvokeModel", "198.51.100.7", null], Row(result, 0, "event_name", "source_ip", "error_code"));
        Assert.Equal(["alice@example.com", KnownLake.AliceArn], ((System.Collections.IEnumerable)result.Rows[0][result.ColumnIndex("chain")]!).Cast<string>());
    }

    [Fact]
    public async Task WhoInvoked_AccessKeyFilter_OnlyThatKeysCalls()
    {
        using var lake = await KnownLake.CreateAsync();

        var result = Run(lake, "who-invoked", new ReportParameters(AccessKey: KnownLake.DeployerKey));

        Assert.Equal(["e4", "e5"], result.Rows.Select(r => r[result.ColumnIndex("event_id")]));
        Assert.Equal("AccessDenied", result.Rows[1][result.ColumnIndex("error_code")]);
    }

    [Fact]
    public async Task Unattributed_KnownLake_OnlyTheUnresolvedRoleWithWhy()
    {
        using var lake = await KnownLake.CreateAsync();

        var result = Run(lake, "unattributed");

        Assert.Single(result.Rows);
        Assert.Equal([KnownLake.LegacyRole, "unresolved", "missing-issuer", 1L], Row(result, 0, "session_issuer_arn", "status", "evidence", "calls"));
        Assert.Equal("a link is missing: the issuing event of a hop is not in the lake", result.Rows[0][result.ColumnIndex("why")]);
    }

    [Fact]
    public async Task StandingAccess_KnownLake_OnlyTheLongTermKey()
    {
        using var lake = await KnownLake.CreateAsync();

        var result = Run(lake, "standing-access");

        Assert.Single(result.Rows);
        Assert.Equal([KnownLake.DeployerArn, "iam-user-access-key", KnownLake.DeployerKey, 2L, 1L, "10.0.0.5"], Row(result, 0, "identity", "credential", "access_key_id", "calls", "errors", "source_ips"));
    }

    [Theory]
    [InlineData("llmjacking")]
    [InlineData("separation-of-duties")]
    [InlineData("cross-account")]
    public async Task GovernanceReports_OrdinaryUse_FlagNothing(string report)
    {
        // Given alice listing models once before invoking, and one AccessDenied from the deployer: ordinary use
        using var lake = await KnownLake.CreateAsync();

        var result = Run(lake, report);

        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Catalog_EveryReportOfTheIssue_IsShippedWithDescription()
    {
        string[] expected = ["cost-by-identity", "cross-account", "invocations-by-identity", "llmjacking", "separation-of-duties", "standing-access", "unattributed", "who-invoked"];

        foreach (var name in expected)
        {
            var report = ReportCatalog.Find(name);
            Assert.NotNull(report);
            Assert.NotEmpty(report.Description);
            Assert.NotEmpty(report.Audience);
        }
    }

    [Theory]
    [InlineData("invocations-by-identity", "identity,identity_kind,models,calls,errors,input_tokens,output_tokens,cost_usd,first_seen,last_seen")]
    [InlineData("who-invoked", "event_time,event_name,model_id,identity,identity_kind,chain,source_ip,error_code")]
    [InlineData("cost-by-identity", "day,identity,model_id,input_tokens,output_tokens,cost_usd")]
    [InlineData("unattributed", "session_issuer_arn,calls,status,evidence")]
    [InlineData("standing-access", "identity,access_key_id,calls,first_seen,last_seen")]
    [InlineData("separation-of-duties", "identity,admin_events,invoke_events")]
    [InlineData("cross-account", "identity,identity_kind,accounts,calls")]
    [InlineData("llmjacking", "identity,pattern,first_seen,last_seen,evidence")]
    public void Run_EmptyLake_ZeroRowsWithEveryRequiredColumn(string report, string required)
    {
        using var folder = new TempFolder("empty-lake");
        using var db = LakeDatabase.Open(new Lake.LakeLayout(folder.Path));

        var result = ReportRunner.Run(db, ReportCatalog.Find(report)!, new ReportParameters(From: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), Model: "m", Identity: "i", Account: "a", AccessKey: "k"));
        var unfiltered = ReportRunner.Run(db, ReportCatalog.Find(report)!, new ReportParameters());

        Assert.Empty(result.Rows);
        Assert.Empty(unfiltered.Rows);
        foreach (var column in required.Split(','))
        {
            Assert.Contains(column, result.Columns);
        }
    }

    /// <summary>DuckDB gives HUGEINT sums and DECIMAL costs; tests compare numbers as decimals and counts as longs.</summary>
    private static object? Normalise(object? value) => value switch
    {
        System.Numerics.BigInteger big => (decimal)big,
        double d => (decimal)d,
        decimal m => m / 1.000000000000000000000000000000000m,
        _ => value,
    };
}
