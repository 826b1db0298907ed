using System.Globalization;
using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.Randomness;
using BedrockTrail.Synthetic.World;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>
/// Workloads federated through OIDC: GitHub Actions (subject repo:org/repo:ref:...) and EKS IRSA (subject
/// system:serviceaccount:ns:sa, provider oidc.eks.&lt;region&gt;.amazonaws.com/id/&lt;hex&gt;), both through
/// AssumeRoleWithWebIdentity (aidansteele GitHub sample).
/// </summary>
internal static class OidcScenario
{
    private static readonly string[] GitHubSubjects =
    [
        "repo:acme/infer-service:ref:refs/heads/main",
        "repo:acme/eval-pipeline:ref:refs/heads/main",
        "repo:acme/docs-bot:environment:production",
    ];

    private static readonly string[] ServiceAccounts =
    [
        "system:serviceaccount:ml:scorer",
        "system:serviceaccount:genai:chatbot-backend",
    ];

    public static SessionActor Plant(ScenarioContext ctx) => ctx.Rng.Chance(0.5) ? GitHub(ctx) : Eks(ctx);

    private static SessionActor GitHub(ScenarioContext ctx)
    {
        var account = ctx.MemberAccount();
        var subject = ctx.Rng.Pick(GitHubSubjects);
        var provider = "arn:aws:iam::" + account + ":oidc-provider/token.actions.githubusercontent.com";
        var ip = string.Create(CultureInfo.InvariantCulture, $"20.{ctx.Rng.Next(20, 250)}.{ctx.Rng.Next(0, 255)}.{ctx.Rng.Next(1, 255)}");
        return Federate(ctx, account, "GitHubActionsBedrock", "GitHubActions", provider, "token.actions.githubusercontent.com", subject, ip, "oidc-github");
    }

    private static SessionActor Eks(ScenarioContext ctx)
    {
        var account = ctx.MemberAccount();
        var region = ctx.AnyRegion();
        var cluster = AwsIds.UpperHex(SeededRandom.Derive(ctx.World.Options.Seed, 8, SyntheticWorld.StableHash(account + region)), 32);
        var host = "oidc.eks." + region + ".amazonaws.com/id/" + cluster;
        var subject = ctx.Rng.Pick(ServiceAccounts);
        var session = "botocore-session-" + ctx.Rng.Next(1_700_000_000, 1_760_000_000).ToString(CultureInfo.InvariantCulture);
        return Federate(ctx, account, "eks-" + subject[(subject.LastIndexOf(':') + 1)..] + "-bedrock", session, "arn:aws:iam::" + account + ":oidc-provider/" + host, host, subject, ctx.PrivateIp(), "oidc-eks", region);
    }

    private static SessionActor Federate(ScenarioContext ctx, string account, string roleName, string sessionName, string providerArn, string providerHost, string subject, string ip, string scenario, string? region = null)
    {
        region ??= ctx.AnyRegion();
        var time = ctx.TimeInWindow(TimeSpan.FromHours(1));
        var issue = new Issuance(ctx.World.Role(account, roleName), sessionName, ctx.NewKey(), time, region, TimeSpan.FromHours(1));
        var agent = ctx.SdkAgent();
        ctx.Plan.Add(StsEvents.AssumeRoleWithWebIdentity(ctx.Rng, issue, providerArn, providerHost, "sts.amazonaws.com", subject, ip, agent), RecordKind.Credential);
        return new SessionActor
        {
            Caller = ScenarioContext.AssumedRole(issue, issue.IssuedKey),
            AccountId = account,
            Region = region,
            ValidFrom = time,
            ValidTo = time.AddMinutes(ctx.Rng.Next(5, 60)),
            SourceIp = ip,
            UserAgent = agent,
            Truth = SessionTruths.Workload(issue.IssuedKey, issue.SessionArn, account, subject, "oidc", scenario, [issue.SessionArn]),
        };
    }
}
