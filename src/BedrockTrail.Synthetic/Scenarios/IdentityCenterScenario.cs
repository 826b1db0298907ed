using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.Randomness;
using BedrockTrail.Synthetic.World;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>
/// Identity Center sign-ins: GetRoleCredentials in the IdC account, AssumeRoleWithSAML into AWSReservedSSO_* in the
/// target account, and a session that then uses a different key than the SAML response returned, as in the real
/// trace (aidansteele -04/-05/-06): only role, session name and creationDate tie them together.
/// </summary>
internal static class IdentityCenterScenario
{
    public const string DailyUser = "alice@example.com";

    public static readonly string[] People = [DailyUser, "bob@example.com", "carol.nguyen@example.com", "dmitri@example.com", "erin.walsh@example.com"];

    public static readonly string[] PermissionSets = ["BedrockUsers", "DataScience"];

    private const string SsoAgent = "aws-sdk-go-v2/1.36.3 ua/2.1 os/linux lang/go#1.26.4 md/GOOS#linux md/GOARCH#arm64 api/sso#1.25.3 m/E,g";

    private const string SamlAgent = "aws-sdk-java/2.46.14 md/io#sync md/http#Apache md/internal ua/2.1 api/STS#2.46.x os/Linux#4.14.355-284.735.amzn2.x86_64 lang/java#17.0.19";

    public static SessionActor Plant(ScenarioContext ctx)
    {
        var person = ctx.Rng.Pick(People);
        return PlantSession(ctx, person, ctx.Rng.Pick(PermissionSets), ctx.MemberAccount(), ctx.TimeInWindow(TimeSpan.FromHours(2)));
    }

    public static SessionActor PlantSession(ScenarioContext ctx, string person, string permissionSet, string target, DateTimeOffset time)
    {
        var world = ctx.World;
        var rng = ctx.Rng;
        var region = world.HomeRegion;
        var onBehalfOf = new OnBehalfOf(world.IdentityCenterUserId(person), world.IdentityStoreArn);
        var clientIp = ctx.PublicIp();
        ctx.Plan.Add(StsEvents.GetRoleCredentials(rng, world.ManagementAccount, region, time, onBehalfOf, permissionSet, target, clientIp, SsoAgent), RecordKind.Credential);

        var stable = SeededRandom.Derive(world.Options.Seed, 3, SyntheticWorld.StableHash(target + permissionSet));
        var role = world.Role(target, "AWSReservedSSO_" + permissionSet + "_" + AwsIds.HexString(stable, 16), "/aws-reserved/sso.amazonaws.com/" + region + "/");
        var provider = "arn:aws:iam::" + target + ":saml-provider/AWSSSO_" + AwsIds.HexString(SeededRandom.Derive(world.Options.Seed, 4, SyntheticWorld.StableHash(target)), 16) + "_DO_NOT_DELETE";
        var nameQualifier = AwsIds.Base64ish(SeededRandom.Derive(world.Options.Seed, 5, SyntheticWorld.StableHash(target)), 27) + "=";
        var issuer = "https://portal.sso." + region + ".amazonaws.com/saml/assertion/" + AwsIds.Base64ish(SeededRandom.Derive(world.Options.Seed, 6), 56);
        var issue = new Issuance(role, person, ctx.NewKey(), time, region, TimeSpan.FromHours(12));
        ctx.Plan.Add(StsEvents.AssumeRoleWithSaml(rng, issue, provider, person, nameQualifier, issuer, "13.239." + rng.Next(0, 255) + "." + rng.Next(1, 255), SamlAgent), RecordKind.Credential);

        // The portal hands the client different credentials from the ones in the SAML response.
        var usedKey = ctx.NewKey();
        var caller = ScenarioContext.AssumedRole(issue, usedKey) with { OnBehalfOf = rng.Chance(0.5) ? onBehalfOf : null };
        return new SessionActor
        {
            Caller = caller,
            AccountId = target,
            Region = ctx.AnyRegion(),
            ValidFrom = time,
            ValidTo = time.AddHours(rng.Next(1, 5)),
            SourceIp = clientIp,
            UserAgent = ctx.CliAgent(),
            Truth = SessionTruths.Human(usedKey, issue.SessionArn, target, person, "identity-center", "identity-center", [issue.SessionArn]),
        };
    }
}
