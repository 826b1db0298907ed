using BedrockTrail.Synthetic.Randomness;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>
/// Ordinary Bedrock administration by an Identity Center admin (control plane on the bedrock endpoint) and a Lambda
/// that fronts a Bedrock agent (InvokeAgent, a data event on bedrock-agent-runtime).
/// </summary>
internal static class ControlPlaneScenario
{
    private const string Admin = "platform.admin@example.com";

    public static IEnumerable<SessionActor> PlantDay(ScenarioContext ctx, DateTimeOffset day)
    {
        var admin = IdentityCenterScenario.PlantSession(ctx, Admin, "AdministratorAccess", ctx.MemberAccount(), day.AddHours(10).AddMinutes(ctx.Rng.Next(0, 120)));
        yield return admin;
        var bedrock = ctx.Bedrock;
        var t = admin.ValidFrom;
        var model = "anthropic.claude-3-haiku-20240307-v1:0";
        bedrock.Control(admin, t = ctx.After(t, 5, 60), "ListFoundationModels", null, null, readOnly: true);
        bedrock.Control(admin, t = ctx.After(t, 5, 60), "GetFoundationModel", BedrockActivity.Object(("modelIdentifier", model)), null, readOnly: true);
        var jobName = "ft-support-" + AwsIds.LowerAlphanumeric(ctx.Rng, 6);
        bedrock.Control(
            admin,
            t = ctx.After(t, 5, 60),
            "CreateModelCustomizationJob",
            BedrockActivity.Object(("jobName", jobName), ("customModelName", jobName + "-model"), ("baseModelIdentifier", model), ("customizationType", "FINE_TUNING")),
            BedrockActivity.Object(("jobArn", "arn:aws:bedrock:" + admin.Region + ":" + admin.AccountId + ":model-customization-job/" + model + "/" + AwsIds.LowerAlphanumeric(ctx.Rng, 12))),
            readOnly: false);
        bedrock.Control(admin, t = ctx.After(t, 5, 60), "CreateProvisionedModelThroughput", BedrockActivity.Object(("provisionedModelName", "support-pt"), ("modelId", model)), null, readOnly: false);
        bedrock.Control(admin, t = ctx.After(t, 5, 60), "PutModelInvocationLoggingConfiguration", LoggingConfig(admin.AccountId), null, readOnly: false);
        bedrock.Control(admin, t = ctx.After(t, 5, 60), "CreateGuardrail", BedrockActivity.Object(("name", "pii-filter"), ("blockedInputMessaging", "HIDDEN_DUE_TO_SECURITY_REASONS")), null, readOnly: false);

        var proxy = ServiceRoleScenario.Lambda(ctx, "support-agent-proxy");
        yield return proxy;
        var agentId = AwsIds.UpperHex(SeededRandom.Derive(ctx.World.Options.Seed, 11), 10);
        var at = proxy.ValidFrom;
        for (var i = 0; i < 4; i++)
        {
            bedrock.InvokeAgent(proxy, at = ctx.After(at, 10, 600), agentId, "TSTALIASID");
        }
    }

    private static Events.JsonPart LoggingConfig(string accountId) => w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("loggingConfig");
        w.WriteStartObject("s3Config");
        w.WriteString("bucketName", "bedrock-invocation-logs-" + accountId);
        w.WriteString("keyPrefix", "");
        w.WriteEndObject();
        w.WriteBoolean("textDataDeliveryEnabled", true);
        w.WriteBoolean("imageDataDeliveryEnabled", false);
        w.WriteBoolean("embeddingDataDeliveryEnabled", false);
        w.WriteEndObject();
        w.WriteEndObject();
    };
}
