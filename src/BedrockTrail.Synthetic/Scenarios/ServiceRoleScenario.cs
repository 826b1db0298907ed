using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.Randomness;
using BedrockTrail.Synthetic.World;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>
/// Credentials AWS services obtain for workloads: AssumeRole by AWSService ec2.amazonaws.com (session = instance id,
/// ec2RoleDelivery on the consuming session), lambda.amazonaws.com (session = function name) and
/// ecs-tasks.amazonaws.com (session = task id, task and execution role together, as in the flaws2 log file).
/// </summary>
internal static class ServiceRoleScenario
{
    private static readonly string[] Functions = ["summarise-tickets", "rag-query", "classify-email", "support-agent-proxy"];

    public static SessionActor Plant(ScenarioContext ctx) => ctx.Rng.Next(3) switch
    {
        0 => Ec2(ctx),
        1 => Lambda(ctx, ctx.Rng.Pick(Functions)),
        _ => Ecs(ctx),
    };

    public static SessionActor Ec2(ScenarioContext ctx)
    {
        var account = ctx.MemberAccount();
        // A small fleet per account: the same instance refreshes its credentials many times.
        var instance = AwsIds.InstanceId(SeededRandom.Derive(ctx.World.Options.Seed, 9, SyntheticWorld.StableHash(account), ctx.Rng.Next(4)));
        var actor = Issue(ctx, account, "ec2.amazonaws.com", "ec2-bedrock-app", instance, TimeSpan.FromHours(6), "ec2", "ec2", instance);
        return new SessionActor
        {
            Caller = actor.Caller with { Ec2RoleDelivery = "2.0" },
            AccountId = actor.AccountId,
            Region = actor.Region,
            ValidFrom = actor.ValidFrom,
            ValidTo = actor.ValidTo,
            SourceIp = actor.SourceIp,
            UserAgent = actor.UserAgent,
            Truth = actor.Truth,
        };
    }

    public static SessionActor Lambda(ScenarioContext ctx, string function) =>
        Issue(ctx, ctx.MemberAccount(), "lambda.amazonaws.com", function + "-role", function, TimeSpan.FromHours(1), "lambda", "lambda", function);

    private static SessionActor Ecs(ScenarioContext ctx)
    {
        var account = ctx.MemberAccount();
        var task = AwsIds.HexString(ctx.Rng, 32);
        var actor = Issue(ctx, account, "ecs-tasks.amazonaws.com", "bedrock-worker-task-role", task, TimeSpan.FromHours(6), "ecs", "ecs", task);

        // The execution role is assumed with the same session name at the same moment; it never calls Bedrock.
        var execution = new Issuance(ctx.World.Role(account, "ecsTaskExecutionRole"), task, ctx.NewKey(), actor.ValidFrom, actor.Region, TimeSpan.FromHours(6));
        ctx.Plan.Add(StsEvents.AssumeRole(ctx.Rng, CallerIdentity.AwsService("ecs-tasks.amazonaws.com"), account, execution, "", "", null, ctx.NewId(), ctx.NewId()), RecordKind.Credential);
        return actor;
    }

    private static SessionActor Issue(ScenarioContext ctx, string account, string service, string roleName, string sessionName, TimeSpan life, string source, string scenario, string identity)
    {
        var region = ctx.AnyRegion();
        var time = ctx.TimeInWindow(TimeSpan.FromHours(1));
        var issue = new Issuance(ctx.World.Role(account, roleName), sessionName, ctx.NewKey(), time, region, life);
        ctx.Plan.Add(StsEvents.AssumeRole(ctx.Rng, CallerIdentity.AwsService(service), account, issue, "", "", null, ctx.NewId(), ctx.NewId()), RecordKind.Credential);
        return new SessionActor
        {
            Caller = ScenarioContext.AssumedRole(issue, issue.IssuedKey),
            AccountId = account,
            Region = region,
            ValidFrom = time,
            ValidTo = time + life,
            SourceIp = ctx.PrivateIp(),
            UserAgent = ctx.SdkAgent(),
            Truth = SessionTruths.Workload(issue.IssuedKey, issue.SessionArn, account, identity, source, scenario, [issue.SessionArn]),
        };
    }
}
