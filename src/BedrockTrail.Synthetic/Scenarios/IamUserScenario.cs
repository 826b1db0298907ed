using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.Randomness;
using BedrockTrail.Synthetic.World;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>
/// IAM users: long-term AKIA keys used directly, a Bedrock API key user (BedrockAPIKey-*, bearer token, no access key
/// in the event so the session falls back to the principal ARN), and GetSessionToken sessions (IAMUser with an ASIA key).
/// A long-term key is one session for the whole corpus, so its actor is made once and reused.
/// </summary>
internal sealed class IamUserScenario
{
    private static readonly (string Name, string Path)[] KeyUsers = [("ml-batch", "/service/"), ("report-generator", "/"), ("data-export", "/service/")];

    private static readonly string[] SessionTokenUsers = ["jenkins", "oncall"];

    private readonly Dictionary<string, SessionActor> _longTerm = new(StringComparer.Ordinal);

    public SessionActor Plant(ScenarioContext ctx) => ctx.Rng.Next(10) switch
    {
        < 5 => LongTermKey(ctx, ctx.Rng.Pick(KeyUsers)),
        < 7 => ApiKeyUser(ctx),
        _ => SessionToken(ctx),
    };

    /// <summary>The actor already registered for this key, or a new (unregistered) one.</summary>
    public SessionActor LongTermKey(ScenarioContext ctx, (string Name, string Path) who, string? account = null)
    {
        account ??= ctx.World.Accounts[1 + (int)((uint)SyntheticWorld.StableHash(who.Name) % (uint)(ctx.World.Accounts.Count - 1))];
        var user = ctx.World.User(account, who.Name, who.Path);
        if (_longTerm.TryGetValue(user.LongTermKey, out var known))
        {
            return known;
        }

        var actor = new SessionActor
        {
            Caller = user.AsCaller(),
            AccountId = account,
            Region = ctx.AnyRegion(),
            ValidFrom = ctx.World.Start,
            ValidTo = ctx.World.End,
            SourceIp = ctx.PrivateIp(),
            UserAgent = ctx.SdkAgent(),
            Truth = SessionTruths.IamUser(user.LongTermKey, user.Arn, account, user.Arn, "iam-user", "iam-user-key", []),
        };
        _longTerm[user.LongTermKey] = actor;
        return actor;
    }

    private SessionActor ApiKeyUser(ScenarioContext ctx)
    {
        var account = ctx.World.Accounts[^1];
        var suffix = AwsIds.LowerAlphanumeric(SeededRandom.Derive(ctx.World.Options.Seed, 10, ctx.Rng.Next(2)), 4);
        var user = ctx.World.User(account, "BedrockAPIKey-" + suffix);
        if (_longTerm.TryGetValue(user.Arn, out var known))
        {
            return known;
        }

        var caller = user.AsCaller() with { AccessKeyId = null };
        var key = CorpusPlan.KeyFor(caller, "");
        var actor = new SessionActor
        {
            Caller = caller,
            AccountId = account,
            Region = ctx.AnyRegion(),
            ValidFrom = ctx.World.Start,
            ValidTo = ctx.World.End,
            SourceIp = ctx.PublicIp(),
            UserAgent = "python-requests/2.32.3",
            BearerToken = true,
            Truth = SessionTruths.IamUser(key, user.Arn, account, user.Arn, "bedrock-api-key", "bedrock-api-key", []) with { BedrockApiKey = true, LongTermCredential = true },
        };
        _longTerm[user.Arn] = actor;
        return actor;
    }

    private static SessionActor SessionToken(ScenarioContext ctx)
    {
        var account = ctx.MemberAccount();
        var user = ctx.World.User(account, "ops-" + ctx.Rng.Pick(SessionTokenUsers));
        var time = ctx.TimeInWindow(TimeSpan.FromHours(1));
        var region = ctx.AnyRegion();
        var key = ctx.NewKey();
        var ip = ctx.PublicIp();
        var agent = ctx.CliAgent();
        ctx.Plan.Add(StsEvents.GetSessionToken(ctx.Rng, user.AsCaller(), key, time, region, ip, agent), RecordKind.Credential);
        return new SessionActor
        {
            Caller = user.AsCaller(key) with { CreationDate = time, MfaAuthenticated = true },
            AccountId = account,
            Region = region,
            ValidFrom = time,
            ValidTo = time.AddHours(ctx.Rng.Next(1, 6)),
            SourceIp = ip,
            UserAgent = agent,
            Truth = SessionTruths.IamUser(key, user.Arn, account, user.Arn, "iam-user", "iam-user-session-token", [user.Arn]),
        };
    }
}
