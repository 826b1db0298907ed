using BedrockTrail.Lake;
using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.Truth;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>
/// The cases a resolver gets wrong first: two people in one role with one session name minutes apart, a chain that
/// starts in an account without a trail, sessions issued before the window (with and without sourceIdentity), and a
/// long-term key that leaks and is used from a new address.
/// </summary>
internal static class HardCaseScenario
{
    public static readonly (string Name, string Path) LeakedUser = ("ci-deployer", "/automation/");

    public static IEnumerable<(SessionActor Actor, int Calls)> Plant(ScenarioContext ctx, IamUserScenario users)
    {
        foreach (var twin in SameRoleSameSessionName(ctx))
        {
            yield return (twin, 3);
        }

        foreach (var external in ExternalFirstHop(ctx))
        {
            yield return (external, 3);
        }

        yield return (IssuedBeforeWindow(ctx, null), 4);
        yield return (IssuedBeforeWindow(ctx, "jdoe@example.com"), 2);
        var leaked = users.LongTermKey(ctx, LeakedUser);
        yield return (leaked, 4);
    }

    /// <summary>The leaked key's second life: same key, an address and agent it never used.</summary>
    public static SessionActor FromNewAddress(SessionActor leaked) => new()
    {
        Caller = leaked.Caller,
        AccountId = leaked.AccountId,
        Region = leaked.Region,
        ValidFrom = leaked.ValidFrom,
        ValidTo = leaked.ValidTo,
        SourceIp = "185.220.101." + (leaked.SourceIp.Length % 200 + 20),
        UserAgent = "Boto3/1.35.0 md/Botocore#1.35.0 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.10.12 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.0",
        Truth = leaked.Truth,
    };

    private static IEnumerable<SessionActor> SameRoleSameSessionName(ScenarioContext ctx)
    {
        var target = ctx.MemberAccount();
        var home = ctx.World.ManagementAccount;
        var time = ctx.TimeInWindow(TimeSpan.FromHours(2));
        var role = ctx.World.Role(target, "SharedBedrockRole");
        foreach (var person in SamlScenario.People.Take(2))
        {
            var saml = SamlScenario.PlantSession(ctx, person, home, time);
            var at = ctx.After(time, 5, 30);
            var issue = new Issuance(role, "bedrock-cli", ctx.NewKey(), at, saml.Region, TimeSpan.FromHours(1));
            ctx.AssumeRole(saml.Caller, issue, saml.SourceIp, saml.UserAgent, null);
            yield return new SessionActor
            {
                Caller = ScenarioContext.AssumedRole(issue, issue.IssuedKey),
                AccountId = target,
                Region = saml.Region,
                ValidFrom = at,
                ValidTo = at.AddMinutes(50),
                SourceIp = saml.SourceIp,
                UserAgent = saml.UserAgent,
                Truth = SessionTruths.Human(issue.IssuedKey, issue.SessionArn, target, person, "saml", "same-role-same-session-name", [saml.SessionArn, issue.SessionArn]),
            };
            time = time.AddMinutes(4);
        }
    }

    private static IEnumerable<SessionActor> ExternalFirstHop(ScenarioContext ctx)
    {
        var outsider = ctx.World.ExternalAccounts[0];
        var partnerUser = ctx.World.User(outsider, "partner-integration");
        var identity = outsider + ":" + partnerUser.UserId;
        var time = ctx.TimeInWindow(TimeSpan.FromHours(2));
        var region = ctx.World.HomeRegion;
        var ip = ctx.PublicIp();
        var agent = ctx.SdkAgent();
        var caller = partnerUser.AsCaller();
        var arns = new List<string>();
        foreach (var (account, roleName) in new[] { (ctx.MemberAccount(), "PartnerBedrockAccess"), (ctx.World.ManagementAccount, "BedrockInvoker") })
        {
            time = ctx.After(time, 3, 20);
            var issue = new Issuance(ctx.World.Role(account, roleName), "partner-" + arns.Count, ctx.NewKey(), time, region, TimeSpan.FromHours(1));
            ctx.AssumeRole(caller, issue, ip, agent, null);
            caller = ScenarioContext.AssumedRole(issue, issue.IssuedKey);
            arns.Add(issue.SessionArn);
            yield return new SessionActor
            {
                Caller = caller,
                AccountId = account,
                Region = region,
                ValidFrom = time,
                ValidTo = time.AddMinutes(50),
                SourceIp = ip,
                UserAgent = agent,
                Truth = Cut(issue.IssuedKey, issue.SessionArn, account, identity, IdentityKinds.External, null, "external-first-hop", [identity, .. arns]),
            };
        }
    }

    private static SessionActor IssuedBeforeWindow(ScenarioContext ctx, string? sourceIdentity)
    {
        var account = ctx.MemberAccount();
        var role = ctx.World.Role(account, sourceIdentity is null ? "LegacyBatchRole" : "AnalystRole");
        var created = ctx.World.Start.AddHours(-2);
        var issue = new Issuance(role, sourceIdentity is null ? "nightly-batch" : "analyst-session", ctx.NewKey(), created, ctx.World.HomeRegion, TimeSpan.FromHours(12));
        var truth = sourceIdentity is null
            ? Cut(issue.IssuedKey, issue.SessionArn, account, role.Arn, IdentityKinds.Unresolved, null, "issued-before-window", [issue.SessionArn], ResolutionStatuses.Unresolved)
            : Cut(issue.IssuedKey, issue.SessionArn, account, sourceIdentity, IdentityKinds.Human, "source-identity", "issued-before-window-source-identity", [sourceIdentity, issue.SessionArn]) with { SourceIdentity = sourceIdentity };
        return new SessionActor
        {
            Caller = ScenarioContext.AssumedRole(issue, issue.IssuedKey, sourceIdentity),
            AccountId = account,
            Region = ctx.World.HomeRegion,
            ValidFrom = ctx.World.Start,
            ValidTo = ctx.World.Start.AddHours(8),
            SourceIp = ctx.PrivateIp(),
            UserAgent = ctx.SdkAgent(),
            Truth = truth,
        };
    }

    private static SessionTruth Cut(string key, string sessionArn, string account, string identity, string kind, string? source, string scenario, IReadOnlyList<string> chain, string status = ResolutionStatuses.Partial) => new()
    {
        SessionKey = key,
        AccessKeyId = key,
        SessionArn = sessionArn,
        AccountId = account,
        Identity = identity,
        IdentityKind = kind,
        IdentitySource = source,
        Status = status,
        Chain = chain,
        Scenario = scenario,
    };
}
