using System.Text.Json;
using System.Text.RegularExpressions;
using BedrockTrail.Lake;
using BedrockTrail.Synthetic.Tests.Support;
using BedrockTrail.Synthetic.Truth;

namespace BedrockTrail.Synthetic.Tests.Scenarios;

public sealed partial class ScenarioShapeTests : IClassFixture<SmallCorpus>
{
    private readonly SmallCorpus _corpus;

    public ScenarioShapeTests(SmallCorpus corpus)
    {
        _corpus = corpus;
    }

    private List<JsonElement> Events => _corpus.Records.Select(r => r.Record).DistinctBy(r => r.Str("eventID")).ToList();

    [Fact]
    public void IdentityCenter_SessionKey_DiffersFromTheSamlResponseKeyButRoleIdAndCreationDateMatch()
    {
        var saml = Events.Where(e => e.Str("eventName") == "AssumeRoleWithSAML" && e.Str("requestParameters", "principalArn")!.Contains("AWSSSO_", StringComparison.Ordinal)).ToList();
        var sessions = _corpus.Truth.Sessions.Values.Where(s => s.Scenario == "identity-center").ToList();

        Assert.NotEmpty(sessions);
        foreach (var s in sessions)
        {
            var issuing = saml.Where(e => e.Str("responseElements", "assumedRoleUser", "arn") == s.SessionArn).ToList();
            Assert.NotEmpty(issuing);
            Assert.DoesNotContain(issuing, e => e.Str("responseElements", "credentials", "accessKeyId") == s.SessionKey);
            Assert.Matches(@"^arn:aws:sts::\d{12}:assumed-role/AWSReservedSSO_[A-Za-z]+_[0-9a-f]{16}/", s.SessionArn);
            Assert.Equal(IdentityKinds.Human, s.IdentityKind);
            Assert.Equal(s.Chain[0], s.Identity);
        }

        var getRoleCredentials = Events.Where(e => e.Str("eventName") == "GetRoleCredentials").ToList();
        Assert.All(getRoleCredentials, e => Assert.Equal(_corpus.Truth.Accounts[0], e.Str("recipientAccountId")));
        Assert.All(getRoleCredentials, e => Assert.Equal("IdentityCenterUser", e.Str("userIdentity", "type")));
    }

    [Fact]
    public void IdentityCenter_DailyUser_HasASessionEveryDay()
    {
        var days = _corpus.Truth.Sessions.Values
            .Where(s => s.Identity == "alice@example.com")
            .Select(s => Events.First(e => _corpus.Truth.Calls.TryGetValue(e.Str("eventID")!, out var k) && k == s.SessionKey).Str("eventTime")![..10])
            .Distinct()
            .Count();

        Assert.Equal(SmallCorpus.Options.Days, days);
    }

    [Fact]
    public void CrossAccountAssumeRole_IsRecordedInBothAccountsWithSharedIds()
    {
        var pairs = Events.Where(e => e.Str("eventName") == "AssumeRole" && e.Str("sharedEventID") is not null && e.Str("userIdentity", "type") != "AWSService")
            .GroupBy(e => e.Str("sharedEventID"))
            .Where(g => g.Count() == 2)
            .ToList();

        Assert.NotEmpty(pairs);
        foreach (var pair in pairs)
        {
            var owner = Assert.Single(pair, e => e.Str("userIdentity", "type") == "AWSAccount");
            var caller = Assert.Single(pair, e => e.Str("userIdentity", "type") != "AWSAccount");
            Assert.Equal(caller.Str("requestID"), owner.Str("requestID"));
            Assert.NotEqual(caller.Str("eventID"), owner.Str("eventID"));
            Assert.Equal(caller.Str("userIdentity", "accountId"), owner.Str("userIdentity", "accountId"));
            Assert.Equal(caller.Str("userIdentity", "principalId"), owner.Str("userIdentity", "principalId"));
            Assert.Equal(caller.Str("responseElements", "credentials", "accessKeyId"), owner.Str("responseElements", "credentials", "accessKeyId"));
            Assert.NotNull(caller.Str("userIdentity", "accessKeyId"));
            Assert.Null(owner.Str("userIdentity", "accessKeyId"));
        }
    }

    [Fact]
    public void StsResponses_CarryRealisticKeysTokensAndExpirations()
    {
        var issued = Events.Where(e => e.Str("responseElements", "credentials", "accessKeyId") is not null).ToList();

        Assert.NotEmpty(issued);
        Assert.All(issued, e =>
        {
            Assert.Matches("^ASIA[A-Z2-7]{16}$", e.Str("responseElements", "credentials", "accessKeyId")!);
            Assert.False(string.IsNullOrEmpty(e.Str("responseElements", "credentials", "sessionToken")));
            Assert.Matches(@"^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} [AP]M$", e.Str("responseElements", "credentials", "expiration")!);
        });
        Assert.All(issued.Where(e => e.Str("responseElements", "assumedRoleUser", "assumedRoleId") is { } id), e =>
            Assert.Matches("^AROA[A-Z2-7]{17}:", e.Str("responseElements", "assumedRoleUser", "assumedRoleId")!));
    }

    [Fact]
    public void EveryEvent_HasTheFieldsARealRecordHas()
    {
        foreach (var e in Events)
        {
            foreach (var field in new[] { "eventVersion", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "userAgent", "requestID", "eventID", "eventType", "recipientAccountId", "eventCategory" })
            {
                Assert.False(string.IsNullOrEmpty(e.Str(field)), field + " missing in " + e.Str("eventName"));
            }

            Assert.True(e.TryGetProperty("requestParameters", out _));
            Assert.True(e.TryGetProperty("responseElements", out _));
            Assert.Matches(EventTime(), e.Str("eventTime")!);
            Assert.Matches(Uuid(), e.Str("eventID")!);
            Assert.NotNull(e.Str("userIdentity", "type"));
        }
    }

    [Fact]
    public void LlmJacking_PlantedPatternsHaveTheirEvents()
    {
        var patterns = _corpus.Truth.LlmJacking;
        Assert.Equal(
            [LlmJackingPatterns.ReconThenInvoke, LlmJackingPatterns.ModelAccessEnablement, LlmJackingPatterns.LoggingDisabled, LlmJackingPatterns.ErrorBurst, LlmJackingPatterns.NewRegion],
            patterns.Select(p => p.Pattern).ToArray());
        var key = Assert.Single(patterns.Select(p => p.SessionKey).Distinct());
        var mine = Events.Where(e => _corpus.Truth.Calls.TryGetValue(e.Str("eventID")!, out var k) && k == key).ToList();

        var useCase = Assert.Single(mine, e => e.Str("eventName") == "PutUseCaseForModelAccess");
        Assert.Equal(JsonValueKind.Null, useCase.GetProperty("requestParameters").ValueKind);
        Assert.Single(mine, e => e.Str("eventName") == "DeleteModelInvocationLoggingConfiguration");
        Assert.Single(mine, e => e.Str("eventName") == "PutFoundationModelEntitlement");
        Assert.Equal(12, mine.Count(e => e.Str("errorCode") is "AccessDenied" or "ValidationException"));
        var newRegion = patterns.Single(p => p.Pattern == LlmJackingPatterns.NewRegion).Region;
        Assert.DoesNotContain(newRegion, SmallCorpus.Options.Regions);
        Assert.Equal(4, mine.Count(e => e.Str("awsRegion") == newRegion));
        Assert.Equal(IdentityKinds.IamUser, _corpus.Truth.Sessions[key].IdentityKind);
        Assert.Equal(2, mine.Select(e => e.Str("sourceIPAddress")).Distinct().Count());
    }

    [Fact]
    public void HardCases_TwoPeopleSameRoleAndSessionName_ResolveToDifferentPeople()
    {
        var twins = _corpus.Truth.Sessions.Values.Where(s => s.Scenario == "same-role-same-session-name").ToList();

        Assert.Equal(2, twins.Count);
        Assert.Equal(twins[0].SessionArn, twins[1].SessionArn);
        Assert.NotEqual(twins[0].Identity, twins[1].Identity);
        Assert.NotEqual(twins[0].SessionKey, twins[1].SessionKey);
    }

    [Fact]
    public void HardCases_ExternalAndBeforeWindow_HaveTheConventionalTruth()
    {
        var external = _corpus.Truth.Sessions.Values.Where(s => s.Scenario == "external-first-hop").OrderBy(s => s.Hops).ToList();
        Assert.Equal(2, external.Count);
        Assert.All(external, s => Assert.Equal((IdentityKinds.External, ResolutionStatuses.Partial), (s.IdentityKind, s.Status)));
        Assert.Matches(@"^\d{12}:AIDA[A-Z2-7]{17}$", external[0].Identity);
        Assert.Equal([1, 2], external.Select(s => s.Hops));
        Assert.DoesNotContain(external[0].Identity[..12], _corpus.Truth.Accounts);

        var before = _corpus.Truth.Sessions.Values.Single(s => s.Scenario == "issued-before-window");
        Assert.Equal((IdentityKinds.Unresolved, ResolutionStatuses.Unresolved, (string?)null, 0), (before.IdentityKind, before.Status, before.IdentitySource, before.Hops));
        Assert.Matches(@"^arn:aws:iam::\d{12}:role/LegacyBatchRole$", before.Identity);
        Assert.DoesNotContain(Events, e => e.Str("responseElements", "credentials", "accessKeyId") == before.SessionKey);

        var withSource = _corpus.Truth.Sessions.Values.Single(s => s.Scenario == "issued-before-window-source-identity");
        Assert.Equal(("jdoe@example.com", IdentityKinds.Human, "source-identity", ResolutionStatuses.Partial), (withSource.Identity, withSource.IdentityKind, withSource.IdentitySource, withSource.Status));
    }

    [Fact]
    public void RoleChains_CarrySourceIdentityOnEveryHop()
    {
        var chains = _corpus.Truth.Sessions.Values.Where(s => s.Scenario == "role-chain").ToList();

        Assert.NotEmpty(chains);
        foreach (var chain in chains)
        {
            Assert.InRange(chain.Chain.Count(c => c.StartsWith("arn:aws:sts::", StringComparison.Ordinal) && c.Contains("/chain-", StringComparison.Ordinal)), 2, 5);
            var call = Events.First(e => _corpus.Truth.Calls.TryGetValue(e.Str("eventID")!, out var k) && k == chain.SessionKey);
            Assert.Equal(chain.SourceIdentity, call.Str("userIdentity", "sessionContext", "sourceIdentity"));
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex EventTime();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex Uuid();
}
