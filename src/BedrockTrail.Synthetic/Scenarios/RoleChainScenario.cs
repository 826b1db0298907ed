using BedrockTrail.Synthetic.Events;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>
/// Role chaining of depth 2..5 across accounts, from an IAM user or a SAML person. The first hop sets sourceIdentity,
/// which every later session carries (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html).
/// Cross-account hops are recorded in both accounts (see <see cref="ScenarioContext.AssumeRole"/>).
/// </summary>
internal static class RoleChainScenario
{
    private static readonly string[] HopRoles = ["PlatformAccess", "DataAccess", "MLOpsDeploy", "CrossAccountReader", "BedrockInvoker"];

    public static SessionActor Plant(ScenarioContext ctx, IamUserScenario users)
    {
        var rng = ctx.Rng;
        var depth = rng.Next(2, 6);
        var time = ctx.TimeInWindow(TimeSpan.FromHours(2));
        SessionActor root;
        string person;
        if (rng.Chance(0.5))
        {
            root = users.LongTermKey(ctx, ("jdoe", "/engineering/"));
            person = "jdoe";
        }
        else
        {
            person = rng.Pick(SamlScenario.People);
            root = SamlScenario.PlantSession(ctx, person, ctx.AnyAccount(), time, rng.Next(2));
        }

        var caller = root.Caller;
        var ip = root.SourceIp;
        var agent = root.UserAgent;
        var arns = new List<string>();
        Issuance issue = null!;
        for (var hop = 1; hop <= depth; hop++)
        {
            time = ctx.After(time, 2, 40);
            var role = ctx.World.Role(ctx.AnyAccount(), hop == depth ? "BedrockInvoker" : HopRoles[rng.Next(HopRoles.Length - 1)]);
            issue = new Issuance(role, "chain-" + hop + "-" + person.Split('@')[0], ctx.NewKey(), time, root.Region, TimeSpan.FromHours(1));
            ctx.AssumeRole(caller, issue, ip, agent, person);
            caller = ScenarioContext.AssumedRole(issue, issue.IssuedKey, person);
            arns.Add(issue.SessionArn);
        }

        var truth = root.Truth.IdentityKind == "iam_user"
            ? SessionTruths.IamUser(issue.IssuedKey, issue.SessionArn, issue.Role.AccountId, root.Truth.Identity, "iam-user", "role-chain", arns, person)
            : SessionTruths.Human(issue.IssuedKey, issue.SessionArn, issue.Role.AccountId, person, "saml", "role-chain", [root.SessionArn, .. arns], person);
        return new SessionActor
        {
            Caller = caller,
            AccountId = issue.Role.AccountId,
            Region = root.Region,
            ValidFrom = time,
            ValidTo = time.AddHours(1),
            SourceIp = ip,
            UserAgent = agent,
            Truth = truth,
        };
    }
}
