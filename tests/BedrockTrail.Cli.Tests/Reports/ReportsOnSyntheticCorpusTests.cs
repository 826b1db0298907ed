using System.Globalization;
using System.Text.Json;
using BedrockTrail.Cli.Tests.Support;

namespace BedrockTrail.Cli.Tests.Reports;

/// <summary>
/// Every report through the real CLI on a synthetic corpus whose answers the generator wrote down (truth.json).
/// </summary>
public sealed class ReportsOnSyntheticCorpusTests : IClassFixture<SyntheticLake>
{
    /// <summary>The generator's person who uses her Identity Center permission set every day: ordinary use.</summary>
    private const string DailyUser = "alice@example.com";

    private readonly SyntheticLake _lake;

    public ReportsOnSyntheticCorpusTests(SyntheticLake lake) => _lake = lake;

    [Fact]
    public async Task CostByIdentity_WholeCorpus_TokensEqualTruthAndInvocationLogs()
    {
        // When the cost report runs over the whole corpus
        var rows = await JsonRowsAsync("cost-by-identity");

        // Then its tokens add up to what the generator wrote into invocation logs, and to the lake's invocation_logs
        var input = rows.Sum(r => Long(r, "input_tokens"));
        var output = rows.Sum(r => Long(r, "output_tokens"));
        Assert.Equal(_lake.Truth.Totals.InputTokens, input);
        Assert.Equal(_lake.Truth.Totals.OutputTokens, output);
        var logs = await CliRunner.RunAsync("query", "--lake", _lake.Lake, "--format", "csv", "SELECT sum(input_tokens) i, sum(output_tokens) o FROM invocation_logs");
        Assert.Equal($"i,o\n{input},{output}\n", logs.Out);
        Assert.True(rows.Sum(r => decimal.Parse(r.GetProperty("cost_usd").ValueKind == JsonValueKind.Null ? "0" : r.GetProperty("cost_usd").GetRawText(), CultureInfo.InvariantCulture)) > 0m);
    }

    [Fact]
    public async Task CostByIdentity_OneDay_TokensEqualThatDaysInvocationLogs()
    {
        var day = _lake.Truth.Options.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var next = _lake.Truth.Options.StartDate.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var rows = await JsonRowsAsync("cost-by-identity", "--from", day, "--to", day);
        var logs = await CliRunner.RunAsync("query", "--lake", _lake.Lake, "--format", "csv",
            $"SELECT sum(input_tokens) FROM invocation_logs WHERE event_time >= DATE '{day}' AND event_time < DATE '{next}'");

        Assert.All(rows, r => Assert.Equal(day, r.GetProperty("day").GetString()));
        Assert.Equal(logs.Out.Split('\n')[1], rows.Sum(r => Long(r, "input_tokens")).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task InvocationsByIdentity_WholeCorpus_EveryIdentityAsTheTruthNamesIt()
    {
        var rows = await JsonRowsAsync("invocations-by-identity");

        // Every identity and kind the report shows is one the generator planted, with the same kind
        var truth = _lake.Truth.Sessions.Values.Select(s => (s.Identity, s.IdentityKind)).ToHashSet();
        Assert.All(rows, r => Assert.Contains((r.GetProperty("identity").GetString()!, r.GetProperty("identity_kind").GetString()!), truth));
        Assert.Contains(rows, r => r.GetProperty("identity").GetString() == DailyUser && r.GetProperty("identity_kind").GetString() == "human");
        Assert.Contains(rows, r => r.GetProperty("identity_kind").GetString() == "workload");
        Assert.Equal(_lake.Truth.Totals.InputTokens, rows.Sum(r => Long(r, "input_tokens")));
    }

    [Fact]
    public async Task Llmjacking_PlantedAttack_EveryPatternFoundAndNoOtherIdentityFlagged()
    {
        var rows = await JsonRowsAsync("llmjacking");

        var found = rows.Select(r => (r.GetProperty("identity").GetString()!, r.GetProperty("pattern").GetString()!)).ToHashSet();
        foreach (var planted in _lake.Truth.LlmJacking)
        {
            Assert.Contains((planted.Identity, planted.Pattern), found);
        }

        // The leaked key used from the attacker's address is the sixth pattern; ordinary use (the daily SSO user, the
        // admin, every workload) flags nothing.
        var attacker = Assert.Single(_lake.Truth.LlmJacking.Select(p => p.Identity).Distinct());
        Assert.Contains((attacker, "long-term-key-new-ip"), found);
        Assert.All(found, f => Assert.Equal(attacker, f.Item1));
        Assert.DoesNotContain(rows, r => r.GetProperty("identity").GetString() == DailyUser);
    }

    [Fact]
    public async Task SeparationOfDuties_Corpus_OnlyTheAttackerBothAdministersAndInvokes()
    {
        var rows = await JsonRowsAsync("separation-of-duties");

        // The Identity Center admin only administers; the attacker enabled model access, deleted logging and invoked.
        var row = Assert.Single(rows);
        Assert.Equal(_lake.Truth.LlmJacking[0].Identity, row.GetProperty("identity").GetString());
        Assert.Equal(4, row.GetProperty("admin_events").GetInt64());
        Assert.True(row.GetProperty("invoke_events").GetInt64() > 0);
    }

    [Fact]
    public async Task StandingAccess_Corpus_ExactlyTheLongTermCredentialSessionsWithTheirCallCounts()
    {
        var rows = await JsonRowsAsync("standing-access");

        var expected = _lake.Truth.Sessions.Values.Where(s => s.LongTermCredential)
            .ToDictionary(s => s.Identity, s => (long)_lake.Truth.Calls.Count(c => c.Value == s.SessionKey));
        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal),
            rows.Select(r => new KeyValuePair<string, long>(r.GetProperty("identity").GetString()!, r.GetProperty("calls").GetInt64())).OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unattributed_Corpus_CallsOfEverySessionTheTruthLeavesUnresolved()
    {
        var rows = await JsonRowsAsync("unattributed");

        var notResolved = _lake.Truth.Sessions.Values.Where(s => s.Status != "resolved").Select(s => s.SessionKey).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(_lake.Truth.Calls.Count(c => notResolved.Contains(c.Value)), rows.Sum(r => r.GetProperty("calls").GetInt64()));
        Assert.All(rows, r => Assert.NotEqual("resolved", r.GetProperty("status").GetString()));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("why").GetString())));
    }

    [Fact]
    public async Task CrossAccount_Corpus_ExternalChainLeavesIngestedAccounts()
    {
        var rows = await JsonRowsAsync("cross-account");

        var external = _lake.Truth.Sessions.Values.Where(s => s.IdentityKind == "external").Select(s => s.Identity).Distinct().ToArray();
        Assert.NotEmpty(external);
        foreach (var identity in external)
        {
            var row = Assert.Single(rows, r => r.GetProperty("identity").GetString() == identity);
            Assert.True(row.GetProperty("leaves_ingested_accounts").GetBoolean());
        }

        Assert.All(rows, r => Assert.True(r.GetProperty("accounts").GetString()!.Contains(',', StringComparison.Ordinal) || r.GetProperty("leaves_ingested_accounts").GetBoolean()));
    }

    [Fact]
    public async Task WhoInvoked_LeakedKey_TimelineOfEveryCallMadeWithIt()
    {
        var leaked = _lake.Truth.LlmJacking[0].SessionKey;

        var rows = await JsonRowsAsync("who-invoked", "--access-key", leaked);

        Assert.Equal(_lake.Truth.Calls.Count(c => c.Value == leaked), rows.Count);
        var times = rows.Select(r => r.GetProperty("event_time").GetString()!).ToArray();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Array, r.GetProperty("chain").ValueKind));
        Assert.Contains(rows, r => r.GetProperty("source_ip").GetString()!.StartsWith("185.220.101.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_PricingOverride_ChangesCostAndKeepsTokens()
    {
        using var folder = new TestSupport.TempFolder("pricing");
        var file = folder.Sub("prices.csv");
        await File.WriteAllTextAsync(file, "model_id,input_per_1k,output_per_1k,source,as_of\namazon.nova-lite-v1:0,1,1,test,2025-01-01\n");

        var run = await _lake.ReportAsync("invocations-by-identity", "--pricing", file, "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("calls have tokens but no price for the model", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnusablePricingFile_UsageError()
    {
        using var folder = new TestSupport.TempFolder("pricing");
        var file = folder.Sub("prices.csv");
        await File.WriteAllTextAsync(file, "not,a,price,list\n");

        var run = await _lake.ReportAsync("cost-by-identity", "--pricing", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds no usable price", run.Error, StringComparison.Ordinal);
    }

    private async Task<List<JsonElement>> JsonRowsAsync(params string[] args)
    {
        var run = await _lake.ReportAsync([.. args, "--format", "json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static long Long(JsonElement row, string column) =>
        row.GetProperty(column).ValueKind == JsonValueKind.Null ? 0 : row.GetProperty(column).GetInt64();
}
