using BedrockTrail.Synthetic.Truth;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>
/// An attacker with a leaked key doing what LLMjacking reports describe (and stratus-red-team's
/// aws.impact.bedrock-invoke-model detonates): recon, enabling model access, deleting the invocation logging
/// configuration, a burst of errors, and invocation in a region the identity never used. Each pattern is recorded.
/// </summary>
internal static class LlmJackingScenario
{
    private const string Model = "anthropic.claude-3-sonnet-20240229-v1:0";

    public static void Plant(ScenarioContext ctx, SessionActor attacker)
    {
        var bedrock = ctx.Bedrock;
        var world = ctx.World;
        var region = attacker.Region;
        // Late in the window, after the key's ordinary use.
        var t = world.End.AddHours(-Math.Min(20, (world.End - world.Start).TotalHours / 2));

        bedrock.Control(attacker, t, "ListFoundationModels", null, null, readOnly: true);
        foreach (var model in new[] { Model, "anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-haiku-20240307-v1:0" })
        {
            t = ctx.After(t, 1, 3);
            bedrock.Control(attacker, t, "GetFoundationModelAvailability", BedrockActivity.ModelIdPart(model), null, readOnly: true);
        }

        t = ctx.After(t, 1, 3);
        bedrock.Control(attacker, t, "GetModelInvocationLoggingConfiguration", null, null, readOnly: true);
        for (var i = 0; i < 3; i++)
        {
            t = ctx.After(t, 2, 20);
            bedrock.Invoke(attacker, t, operation: "InvokeModel", modelId: Model);
        }

        Record(ctx, attacker, LlmJackingPatterns.ReconThenInvoke, region);

        t = ctx.After(t, 30, 90);
        bedrock.Control(attacker, t, "PutUseCaseForModelAccess", null, null, readOnly: false);
        bedrock.Control(attacker, ctx.After(t, 0, 1), "ListFoundationModelAgreementOffers", BedrockActivity.ModelIdPart(Model), null, readOnly: true);
        t = ctx.After(t, 1, 2);
        bedrock.Control(attacker, t, "CreateFoundationModelAgreement", BedrockActivity.ModelIdPart(Model), BedrockActivity.ModelIdPart("anthropic.claude-3-sonnet-20240229-v1"), readOnly: false);
        t = ctx.After(t, 1, 2);
        bedrock.Control(attacker, t, "PutFoundationModelEntitlement", BedrockActivity.ModelIdPart(Model), BedrockActivity.Object(("status", "SUCCESS")), readOnly: false);
        Record(ctx, attacker, LlmJackingPatterns.ModelAccessEnablement, region);

        t = ctx.After(t, 10, 60);
        bedrock.Control(attacker, t, "DeleteModelInvocationLoggingConfiguration", null, null, readOnly: false);
        Record(ctx, attacker, LlmJackingPatterns.LoggingDisabled, region);

        for (var i = 0; i < 12; i++)
        {
            t = ctx.After(t, 0, 3);
            var denied = ctx.Rng.Chance(0.6);
            var model = denied ? "anthropic.claude-3-opus-20240229-v1:0" : "anthropic.claude-v3-opus";
            bedrock.Invoke(
                attacker,
                t,
                operation: "InvokeModel",
                modelId: model,
                errorCode: denied ? "AccessDenied" : "ValidationException",
                errorMessage: denied
                    ? "User: " + attacker.SessionArn + " is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:" + region + "::foundation-model/" + model + " because no identity-based policy allows the bedrock:InvokeModel action"
                    : "The provided model identifier is invalid.");
        }

        Record(ctx, attacker, LlmJackingPatterns.ErrorBurst, region);

        for (var i = 0; i < 4; i++)
        {
            t = ctx.After(t, 5, 60);
            bedrock.Invoke(attacker, t, region: world.NewRegion, operation: "InvokeModelWithResponseStream", modelId: Model);
        }

        Record(ctx, attacker, LlmJackingPatterns.NewRegion, world.NewRegion);
    }

    private static void Record(ScenarioContext ctx, SessionActor attacker, string pattern, string region) =>
        ctx.Plan.Patterns.Add(new PlantedPattern(attacker.Truth.Identity, attacker.SessionKey, pattern, attacker.AccountId, region));
}
