using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.Randomness;
using BedrockTrail.Synthetic.World;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>
/// Okta and Entra ID SAML into a role, the API/CLI way (saml2aws and the like): the key in the SAML response is the key
/// the session uses.
/// </summary>
internal static class SamlScenario
{
    public static readonly string[] People = ["maria.garcia@corp.example", "li.wei@corp.example", "sam.okafor@corp.example", "priya.raman@corp.example"];

    private static readonly (string Provider, string Role, string IssuerPrefix)[] Idps =
    [
        ("Okta", "OktaBedrockDevelopers", "http://www.okta.com/exk"),
        ("EntraID", "EntraMLEngineers", "https://sts.windows.net/"),
    ];

    public static SessionActor Plant(ScenarioContext ctx) =>
        PlantSession(ctx, ctx.Rng.Pick(People), ctx.MemberAccount(), ctx.TimeInWindow(TimeSpan.FromHours(2)), ctx.Rng.Next(Idps.Length));

    /// <summary>A SAML session; the returned actor is not registered (chains use it only to call AssumeRole).</summary>
    public static SessionActor PlantSession(ScenarioContext ctx, string person, string account, DateTimeOffset time, int idp = 0)
    {
        var (providerName, roleName, issuerPrefix) = Idps[idp % Idps.Length];
        var world = ctx.World;
        var role = world.Role(account, roleName);
        var provider = "arn:aws:iam::" + account + ":saml-provider/" + providerName;
        var stable = SeededRandom.Derive(world.Options.Seed, 7, SyntheticWorld.StableHash(provider));
        var nameQualifier = AwsIds.Base64ish(stable, 27) + "=";
        var issuer = issuerPrefix + AwsIds.LowerAlphanumeric(stable, 20) + (providerName == "EntraID" ? "/" : "");
        var region = ctx.AnyRegion();
        var issue = new Issuance(role, person, ctx.NewKey(), time, region, TimeSpan.FromHours(4));
        var ip = ctx.PublicIp();
        var agent = ctx.CliAgent();
        ctx.Plan.Add(StsEvents.AssumeRoleWithSaml(ctx.Rng, issue, provider, person, nameQualifier, issuer, ip, agent), RecordKind.Credential);
        return new SessionActor
        {
            Caller = ScenarioContext.AssumedRole(issue, issue.IssuedKey),
            AccountId = account,
            Region = region,
            ValidFrom = time,
            ValidTo = time.AddHours(ctx.Rng.Next(1, 4)),
            SourceIp = ip,
            UserAgent = agent,
            Truth = SessionTruths.Human(issue.IssuedKey, issue.SessionArn, account, person, "saml", "saml", [issue.SessionArn]),
        };
    }
}
