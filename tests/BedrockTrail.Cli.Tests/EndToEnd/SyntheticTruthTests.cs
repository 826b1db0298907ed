using BedrockTrail.Cli.Tests.Support;
using BedrockTrail.Synthetic;
using BedrockTrail.TestSupport;
using Xunit.Abstractions;

namespace BedrockTrail.Cli.Tests.EndToEnd;

/// <summary>
/// The whole pipeline against the generator's ground truth: every Bedrock call resolves to the identity, kind and
/// status the generator planted, through every path (Identity Center, SAML, OIDC, services, IAM users, role chains,
/// the hard cases).
/// </summary>
public sealed class SyntheticTruthTests
{
    private readonly ITestOutputHelper _output;

    public SyntheticTruthTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public async Task Ingest_SyntheticOrganizationTrail_EverySessionResolvesToItsTruth(int seed)
    {
        // Given a generated organization trail with known truth
        using var folder = new TempFolder("truth");
        var truth = CorpusGenerator.Generate(CorpusOptions.Demo() with { Seed = seed }, folder.Sub("trail"));
        var lake = folder.Sub("lake");

        // When it is ingested (resolution included)
        var run = await CliRunner.RunAsync("ingest", "--source", folder.Sub("trail"), "--lake", lake);
        Assert.True(run.ExitCode == 0, run.ToString());

        // Then every session in the lake matches the truth
        var rows = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv",
            "SELECT session_key, identity, identity_kind, status, hops FROM identities ORDER BY session_key");
        var actual = rows.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(f => f[0], f => f);
        var wrong = new List<string>();
        foreach (var (key, expected) in truth.Sessions)
        {
            if (!actual.TryGetValue(key, out var got))
            {
                wrong.Add($"{key}: missing ({expected.Scenario})");
                continue;
            }

            if (got[1] != expected.Identity || got[2] != expected.IdentityKind || got[3] != expected.Status)
            {
                wrong.Add($"{key} [{expected.Scenario}]: expected {expected.Identity}/{expected.IdentityKind}/{expected.Status}, got {got[1]}/{got[2]}/{got[3]}");
            }
        }

        foreach (var line in wrong)
        {
            _output.WriteLine(line);
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {truth.Sessions.Count} sessions wrong:\n" + string.Join("\n", wrong.Take(40)));
        Assert.Equal(truth.Sessions.Count, actual.Count);
    }

    [Fact]
    public async Task Ingest_SyntheticTrail_CallAndTokenTotalsMatchTruth()
    {
        using var folder = new TempFolder("truth");
        var truth = CorpusGenerator.Generate(CorpusOptions.Demo(), folder.Sub("trail"));
        var lake = folder.Sub("lake");
        await CliRunner.RunAsync("ingest", "--source", folder.Sub("trail"), "--lake", lake);

        var totals = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv",
            "SELECT (SELECT count(*) FROM bedrock_calls) calls, (SELECT count(*) FROM invocations) invocations, (SELECT count(DISTINCT event_id) FROM invocations) distinct_invocations, (SELECT count(*) FROM credential_events) creds, (SELECT count(*) FROM invocation_logs) logs, (SELECT sum(input_tokens) FROM invocation_logs) input_sum, (SELECT sum(output_tokens) FROM invocation_logs) output_sum");

        var t = truth.Totals;
        Assert.Equal($"calls,invocations,distinct_invocations,creds,logs,input_sum,output_sum\n{t.BedrockCalls},{t.BedrockCalls},{t.BedrockCalls},{t.CredentialEvents},{t.InvocationLogRecords},{t.InputTokens},{t.OutputTokens}\n", totals.Out);
    }
}
