using System.Text.Json.Nodes;
using BedrockTrail.Cli.Tests.Support;
using BedrockTrail.TestSupport;
using BedrockTrail.TestSupport.Trails;

namespace BedrockTrail.Cli.Tests.EndToEnd;

/// <summary>
/// Real public credential events (fixtures/samples, see SOURCES.md) through the whole pipeline: decoder, lake and
/// resolver together. Each session's own userIdentity is taken verbatim from a real event of that session and only the
/// call is turned into a Bedrock InvokeModel, so the link the resolver has to make is the one real logs present.
/// </summary>
public sealed class RealSampleChainsTests
{
    private const string Model = "anthropic.claude-3-5-sonnet-20240620-v1:0";

    [Fact]
    public async Task Ingest_IdentityCenterSessionWhoseKeyDiffersFromTheSamlResponse_ResolvesToThePerson()
    {
        // Given the real Identity Center trace: GetRoleCredentials, AssumeRoleWithSAML (issuing ASIA52RQV423TWB3UWEE) and
        // the session then acting with another key (ASIA52RQV4232GGDZ2HL), as aidansteele's -04/-05/-06 show
        var samples = "aidansteele-blog";
        var getRoleCredentials = SampleEvents.Load(samples, "apps-can-now-impersonate-human-access-to-aws-via-iam-identity-center-04-GetRoleCredentials.json");
        var saml = SampleEvents.Load(samples, "apps-can-now-impersonate-human-access-to-aws-via-iam-identity-center-05-AssumeRoleWithSAML.json");
        var session = SampleEvents.Load(samples, "apps-can-now-impersonate-human-access-to-aws-via-iam-identity-center-06-GetCallerIdentity.json")[0];

        // When a Bedrock call made by that session is ingested with them
        var identity = await ResolveAsync(
            ("607481581596", "ap-southeast-2", getRoleCredentials),
            ("950363612855", "ap-southeast-2", [.. saml, AsInvokeModel(session, "2026-07-01T00:13:20Z")]));

        // Then it is the person, linked by the weaker principal-and-time evidence
        Assert.Equal("aidan.steele@glassechidna.com.au,human,identity-center,resolved", identity.Summary);
        Assert.Contains("console-principal-time", identity.Evidence);
    }

    [Fact]
    public async Task Ingest_GitHubActionsOidcSession_ResolvesToTheRepositoryWorkload()
    {
        // Given the real GitHub Actions AssumeRoleWithWebIdentity (aidansteele's 2021 post) and a call with the key it issued
        var issuing = SampleEvents.Load("aidansteele-blog", "aws-federation-comes-to-github-actions-01-AssumeRoleWithWebIdentity.json")[0];
        var response = issuing["responseElements"]!;
        var call = Call(
            "2021-09-15T03:05:00Z",
            "0123456789012",
            new JsonObject
            {
                ["type"] = "AssumedRole",
                ["principalId"] = response["assumedRoleUser"]!["assumedRoleId"]!.GetValue<string>(),
                ["arn"] = response["assumedRoleUser"]!["arn"]!.GetValue<string>(),
                ["accountId"] = "0123456789012",
                ["accessKeyId"] = response["credentials"]!["accessKeyId"]!.GetValue<string>(),
                ["sessionContext"] = new JsonObject
                {
                    ["sessionIssuer"] = new JsonObject { ["type"] = "Role", ["arn"] = "arn:aws:iam::0123456789012:role/ExampleGithubRole", ["accountId"] = "0123456789012" },
                    ["attributes"] = new JsonObject { ["creationDate"] = "2021-09-15T03:00:36Z", ["mfaAuthenticated"] = "false" },
                },
            });

        var identity = await ResolveAsync(("012345678901", "us-east-1", [issuing, call]));

        Assert.Equal("repo:aidansteele/aws-federation-github-actions:ref:refs/heads/main,workload,oidc,resolved", identity.Summary);
    }

    [Fact]
    public async Task Ingest_EcsTaskRoleUsedFromOutside_ResolvesToTheTask()
    {
        // Given the real flaws2 log file (ecs-tasks AssumeRole) and the task's credentials used from an outside IP
        var log = SampleEvents.Load("flaws2-cloud", "653711331788_CloudTrail_us-east-1_20181128T2235Z_cR9ra7OH1rytWyXY.json");
        var stolen = SampleEvents.Load("flaws2-cloud", "ListBuckets-level3-ecs-task-session.jq.json")[0];

        var identity = await ResolveAsync(("653711331788", "us-east-1", [.. log, AsInvokeModel(stolen, "2018-11-28T23:10:00Z")]));

        Assert.Equal("d190d14a-2404-45d6-9113-4eda22d7f2c7,workload,ecs,resolved", identity.Summary);
    }

    [Fact]
    public async Task Ingest_TwoAssumptionsWithTheSameSessionNameASecondApart_KeyDecidesAndLeadsToTheIamUser()
    {
        // Given Stratus Red Team's real detonation: christophe assumes the same role twice with the same session name,
        // one second apart (two keys), and one of the sessions acts
        var events = SampleEvents.Load("stratus-red-team", "aws.defense-evasion.organizations-leave.json");
        var acting = events.First(e => e["eventName"]!.GetValue<string>() == "LeaveOrganization");
        var issuing = events.Where(e => e["eventName"]!.GetValue<string>() == "AssumeRole");

        var identity = await ResolveAsync(("307578594326", "us-east-1", [.. issuing, AsInvokeModel(acting, "2024-08-02T08:31:00Z")]));

        Assert.Equal("arn:aws:iam::307578594326:user/christophe,iam_user,iam-user,resolved", identity.Summary);
        Assert.Contains("access-key", identity.Evidence);
    }

    private static JsonObject AsInvokeModel(JsonNode sessionEvent, string time) =>
        Call(time, sessionEvent["recipientAccountId"]!.GetValue<string>(), sessionEvent["userIdentity"]!.DeepClone(), sessionEvent["sourceIPAddress"]?.GetValue<string>());

    private static JsonObject Call(string time, string account, JsonNode userIdentity, string? sourceIp = "203.0.113.10") => new JsonObject
    {
        ["eventVersion"] = "1.10",
        ["userIdentity"] = userIdentity,
        ["eventTime"] = time,
        ["eventSource"] = "bedrock.amazonaws.com",
        ["eventName"] = "InvokeModel",
        ["awsRegion"] = "us-east-1",
        ["sourceIPAddress"] = sourceIp,
        ["userAgent"] = "Boto3/1.34.0",
        ["requestParameters"] = new JsonObject { ["modelId"] = Model },
        ["responseElements"] = null,
        ["requestID"] = Guid.NewGuid().ToString(),
        ["eventID"] = Guid.NewGuid().ToString(),
        ["readOnly"] = true,
        ["eventType"] = "AwsApiCall",
        ["managementEvent"] = true,
        ["recipientAccountId"] = account,
        ["eventCategory"] = "Management",
    };

    private static async Task<ResolvedIdentity> ResolveAsync(params (string Account, string Region, IReadOnlyList<JsonNode> Events)[] files)
    {
        using var folder = new TempFolder("real");
        var trail = new TrailFolder(folder.Sub("trail"));
        var delivered = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var (account, region, events) in files)
        {
            delivered = delivered.AddMinutes(5);
            trail.AddLogFile(account, region, delivered, events);
        }

        var run = await CliRunner.RunAsync("ingest", "--source", trail.Root, "--lake", folder.Sub("lake"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = await CliRunner.RunAsync("query", "--lake", folder.Sub("lake"), "--format", "csv",
            "SELECT identity || ',' || identity_kind || ',' || coalesce(identity_source, '') || ',' || status AS summary, evidence FROM invocations");
        var line = Assert.Single(rows.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        var comma = line.LastIndexOf(',');
        return new ResolvedIdentity(line[..comma].Trim('"'), line[(comma + 1)..]);
    }

    private sealed record ResolvedIdentity(string Summary, string Evidence);
}
