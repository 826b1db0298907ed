namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>
/// Plants the fixed cases (daily Identity Center user, hard cases, LLMjacking, administration), then sessions from
/// the enabled scenarios until the Bedrock and credential budgets of the options are met.
/// </summary>
internal static class ScenarioPlanner
{
    public static void Plan(ScenarioContext ctx)
    {
        var options = ctx.World.Options;
        var enabled = options.Scenarios;
        var users = new IamUserScenario();
        var planted = new List<SessionActor>();

        void Use(SessionActor actor, int calls)
        {
            ctx.Plan.Register(actor);
            planted.Add(actor);
            ctx.Bedrock.Burst(actor, calls);
        }

        if (enabled.HasFlag(CorpusScenarios.IdentityCenter))
        {
            // One person uses the permission set every day.
            for (var day = 0; day < options.Days; day++)
            {
                var morning = ctx.World.Start.AddDays(day).AddHours(8).AddMinutes(ctx.Rng.Next(0, 90));
                Use(IdentityCenterScenario.PlantSession(ctx, IdentityCenterScenario.DailyUser, "BedrockUsers", ctx.World.Accounts[1], morning), 3);
            }
        }

        if (enabled.HasFlag(CorpusScenarios.HardCases))
        {
            foreach (var (actor, calls) in HardCaseScenario.Plant(ctx, users))
            {
                Use(actor, calls);
            }
        }

        if (enabled.HasFlag(CorpusScenarios.LlmJacking))
        {
            // The leaked key (a hard case too): ordinary use first, then the attacker from a new address.
            var leaked = users.LongTermKey(ctx, HardCaseScenario.LeakedUser);
            Use(leaked, 2);
            LlmJackingScenario.Plant(ctx, HardCaseScenario.FromNewAddress(leaked));
        }

        if (enabled.HasFlag(CorpusScenarios.ControlPlane))
        {
            for (var day = 0; day < options.Days; day++)
            {
                foreach (var actor in ControlPlaneScenario.PlantDay(ctx, ctx.World.Start.AddDays(day)))
                {
                    ctx.Plan.Register(actor);
                }
            }
        }

        FillBudget(ctx, users, planted, Use);
    }

    private static void FillBudget(ScenarioContext ctx, IamUserScenario users, List<SessionActor> planted, Action<SessionActor, int> use)
    {
        var options = ctx.World.Options;
        var makers = Makers(options.Scenarios, users);
        if (makers.Count == 0)
        {
            return;
        }

        var bedrockTarget = (int)(options.EventCount * options.BedrockShare);
        var credentialTarget = (int)(options.EventCount * options.CredentialShare);
        var perSession = Math.Max(1.0, bedrockTarget / Math.Max(1.0, credentialTarget / 1.3));
        var guard = bedrockTarget * 4 + 100;
        while (ctx.Plan.BedrockCount < bedrockTarget && guard-- > 0)
        {
            var calls = ctx.Rng.Next(1, Math.Max(2, (int)(2 * perSession)));
            if (ctx.Plan.CredentialCount < credentialTarget || planted.Count == 0)
            {
                use(ctx.Rng.Pick(makers)(ctx), calls);
            }
            else
            {
                ctx.Bedrock.Burst(ctx.Rng.Pick(planted), calls);
            }
        }
    }

    private static List<Func<ScenarioContext, SessionActor>> Makers(CorpusScenarios enabled, IamUserScenario users)
    {
        var makers = new List<Func<ScenarioContext, SessionActor>>();
        void Add(CorpusScenarios flag, int weight, Func<ScenarioContext, SessionActor> maker)
        {
            if (enabled.HasFlag(flag))
            {
                makers.AddRange(Enumerable.Repeat(maker, weight));
            }
        }

        Add(CorpusScenarios.IdentityCenter, 4, IdentityCenterScenario.Plant);
        Add(CorpusScenarios.Saml, 2, SamlScenario.Plant);
        Add(CorpusScenarios.Oidc, 3, OidcScenario.Plant);
        Add(CorpusScenarios.ServiceRoles, 4, ServiceRoleScenario.Plant);
        Add(CorpusScenarios.IamUsers, 2, users.Plant);
        Add(CorpusScenarios.RoleChains, 2, c => RoleChainScenario.Plant(c, users));
        return makers;
    }
}
