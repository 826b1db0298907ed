using System.Text.Json;
using BedrockTrail.Lake;
using BedrockTrail.Synthetic.Tests.Support;
using BedrockTrail.Synthetic.Truth;

namespace BedrockTrail.Synthetic.Tests.Truth;

public sealed class GroundTruthTests : IClassFixture<SmallCorpus>
{
    private static readonly HashSet<string> CredentialNames = new(StringComparer.Ordinal) { "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "GetSessionToken", "GetRoleCredentials" };

    private readonly SmallCorpus _corpus;

    public GroundTruthTests(SmallCorpus corpus)
    {
        _corpus = corpus;
    }

    private IEnumerable<JsonElement> Distinct => _corpus.Records.Select(r => r.Record).DistinctBy(r => r.Str("eventID"));

    [Fact]
    public void Generate_EveryBedrockEvent_HasATruthCallWhoseSessionKeyMatchesTheEvent()
    {
        var bedrock = Distinct.Where(r => r.Str("eventSource") == "bedrock.amazonaws.com").ToList();

        Assert.Equal(_corpus.Truth.Totals.BedrockCalls, bedrock.Count);
        Assert.Equal(bedrock.Count, _corpus.Truth.Calls.Count);
        foreach (var e in bedrock)
        {
            var id = e.GetProperty("userIdentity");
            var expected = SessionKeys.For(id.Str("accessKeyId"), id.Str("arn"), id.Str("principalId"), id.Str("invokedBy"), e.Str("eventID")!);
            Assert.Equal(expected, _corpus.Truth.Calls[e.Str("eventID")!]);
            Assert.True(_corpus.Truth.Sessions.ContainsKey(expected), expected);
        }
    }

    [Fact]
    public void Generate_Counts_MatchCredentialEventsAndNoise()
    {
        var credentials = Distinct.Count(r => CredentialNames.Contains(r.Str("eventName")!));
        var noise = Distinct.Count(r => r.Str("eventSource") != "bedrock.amazonaws.com" && !CredentialNames.Contains(r.Str("eventName")!));

        Assert.Equal(_corpus.Truth.Totals.CredentialEvents, credentials);
        Assert.Equal(_corpus.Truth.Totals.NoiseEvents, noise);
    }

    [Fact]
    public void Generate_KeptShare_IsAboutAsConfigured()
    {
        var totals = _corpus.Truth.Totals;
        var options = SmallCorpus.Options;

        Assert.InRange(totals.BedrockCalls / (double)totals.DistinctEvents, options.BedrockShare * 0.8, options.BedrockShare * 1.3);
        Assert.InRange(totals.CredentialEvents / (double)totals.DistinctEvents, options.CredentialShare * 0.7, options.CredentialShare * 1.5);
        Assert.InRange(totals.DistinctEvents, options.EventCount * 0.75, options.EventCount * 1.1);
    }

    [Fact]
    public void Load_SavedTruth_RoundTrips()
    {
        var loaded = GroundTruth.Load(Path.Combine(_corpus.Root, GroundTruth.FileName));

        Assert.Equal(_corpus.Truth.Totals, loaded.Totals);
        Assert.Equal(_corpus.Truth.Calls.Count, loaded.Calls.Count);
        Assert.Equal(_corpus.Truth.Sessions.Keys, loaded.Sessions.Keys);
        var key = _corpus.Truth.Sessions.Keys.First();
        Assert.Equal(_corpus.Truth.Sessions[key].Chain, loaded.Sessions[key].Chain);
        Assert.Equal(_corpus.Truth.Sessions[key] with { Chain = loaded.Sessions[key].Chain }, loaded.Sessions[key]);
        Assert.Equal(_corpus.Truth.LlmJacking, loaded.LlmJacking);
    }

    [Fact]
    public void Generate_Sessions_FollowTheIdentityConventions()
    {
        var kinds = new HashSet<string> { IdentityKinds.Human, IdentityKinds.Workload, IdentityKinds.IamUser, IdentityKinds.External, IdentityKinds.Unresolved };
        foreach (var s in _corpus.Truth.Sessions.Values)
        {
            Assert.Contains(s.IdentityKind, kinds);
            // An unresolved session is named by its role but nothing links past the session itself.
            Assert.Equal(s.Status == ResolutionStatuses.Unresolved ? s.SessionArn : s.Identity, s.Chain[0]);
            Assert.Equal(s.Chain.Count - 1, s.Hops);
            if (s.Status == ResolutionStatuses.Resolved)
            {
                Assert.NotNull(s.IdentitySource);
            }
        }

        var bySource = _corpus.Truth.Sessions.Values.GroupBy(s => s.IdentitySource ?? "null").ToDictionary(g => g.Key, g => g.Count());
        foreach (var source in new[] { "identity-center", "saml", "oidc", "ec2", "lambda", "ecs", "iam-user", "bedrock-api-key", "source-identity", "null" })
        {
            Assert.True(bySource.ContainsKey(source), "no session with identity_source " + source);
        }
    }

    [Fact]
    public void Generate_InvocationLogs_JoinCloudTrailOnRequestIdAndSumToTheTotals()
    {
        var requestIds = Distinct.Where(r => r.Str("eventSource") == "bedrock.amazonaws.com").ToDictionary(r => r.Str("requestID")!, r => r);
        long records = 0, input = 0, output = 0;
        foreach (var key in CorpusFiles.Keys(_corpus.Root).Where(k => k.Contains("/BedrockModelInvocationLogs/", StringComparison.Ordinal) && k.EndsWith(".json.gz", StringComparison.Ordinal)))
        {
            var lines = System.Text.Encoding.UTF8.GetString(CorpusFiles.Gunzip(Path.Combine(_corpus.Root, key))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in lines)
            {
                using var doc = JsonDocument.Parse(line);
                var log = doc.RootElement;
                Assert.Equal("ModelInvocationLog", log.Str("schemaType"));
                var call = requestIds[log.Str("requestId")!];
                Assert.Equal(call.Str("eventName"), log.Str("operation"));
                Assert.Equal(call.Str("requestParameters", "modelId"), log.Str("modelId"));
                records++;
                input += log.GetProperty("input").GetProperty("inputTokenCount").GetInt64();
                output += log.GetProperty("output").GetProperty("outputTokenCount").GetInt64();
            }
        }

        Assert.Equal(_corpus.Truth.Totals.InvocationLogRecords, records);
        Assert.Equal(_corpus.Truth.Totals.InputTokens, input);
        Assert.Equal(_corpus.Truth.Totals.OutputTokens, output);
        Assert.InRange(records, 1, _corpus.Truth.Totals.BedrockInvocations - 1);
    }
}
