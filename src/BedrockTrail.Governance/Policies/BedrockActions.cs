using BedrockTrail.Lake;

namespace BedrockTrail.Governance.Policies;

/// <summary>
/// The actions a grant is evaluated for (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html).
/// Only these are expanded from wildcards and <c>NotAction</c>: the report is about who may invoke and who may
/// administer, not about every read-only List/Get.
/// </summary>
internal static class BedrockActions
{
    public static readonly IReadOnlyList<BedrockAction> All =
    [
        // Invoke. Converse and ConverseStream are authorised by InvokeModel and InvokeModelWithResponseStream
        // (https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-call.html); they are not IAM
        // actions, so only a statement that names them (bedrock:Converse*) grants them here, never bedrock:*.
        Invoke("bedrock:InvokeModel"),
        Invoke("bedrock:InvokeModelWithResponseStream"),
        new("bedrock:Converse", GrantCategories.Invoke, null, NamedOnly: true, AuthorisedBy: "bedrock:InvokeModel"),
        new("bedrock:ConverseStream", GrantCategories.Invoke, null, NamedOnly: true, AuthorisedBy: "bedrock:InvokeModelWithResponseStream"),
        Invoke("bedrock:InvokeAgent"),
        Invoke("bedrock:InvokeInlineAgent"),
        Invoke("bedrock:InvokeFlow"),

        Admin("bedrock:CreateModelCustomizationJob", AdminAreas.Customisation),
        Admin("bedrock:StopModelCustomizationJob", AdminAreas.Customisation),
        Admin("bedrock:CreateCustomModel", AdminAreas.Customisation),
        Admin("bedrock:DeleteCustomModel", AdminAreas.Customisation),
        Admin("bedrock:CreateModelImportJob", AdminAreas.Customisation),
        Admin("bedrock:DeleteImportedModel", AdminAreas.Customisation),
        Admin("bedrock:CreateModelCopyJob", AdminAreas.Customisation),
        Admin("bedrock:CreateProvisionedModelThroughput", AdminAreas.ProvisionedThroughput),
        Admin("bedrock:UpdateProvisionedModelThroughput", AdminAreas.ProvisionedThroughput),
        Admin("bedrock:DeleteProvisionedModelThroughput", AdminAreas.ProvisionedThroughput),
        Admin("bedrock:PutFoundationModelEntitlement", AdminAreas.ModelAccess),
        Admin("bedrock:CreateFoundationModelAgreement", AdminAreas.ModelAccess),
        Admin("bedrock:DeleteFoundationModelAgreement", AdminAreas.ModelAccess),
        Admin("bedrock:PutUseCaseForModelAccess", AdminAreas.ModelAccess),

        // Third-party model access has long gone through AWS Marketplace subscriptions
        // (https://docs.aws.amazon.com/bedrock/latest/userguide/model-access-permissions.html).
        Admin("aws-marketplace:Subscribe", AdminAreas.ModelAccess),
        Admin("bedrock:PutModelInvocationLoggingConfiguration", AdminAreas.Logging),
        Admin("bedrock:DeleteModelInvocationLoggingConfiguration", AdminAreas.Logging),
        Admin("bedrock:CreateGuardrail", AdminAreas.Guardrails),
        Admin("bedrock:UpdateGuardrail", AdminAreas.Guardrails),
        Admin("bedrock:DeleteGuardrail", AdminAreas.Guardrails),
        Admin("bedrock:CreateGuardrailVersion", AdminAreas.Guardrails),
        Admin("bedrock:CreateInferenceProfile", AdminAreas.InferenceProfiles),
        Admin("bedrock:DeleteInferenceProfile", AdminAreas.InferenceProfiles),
    ];

    /// <summary>The catalogue actions a statement's Action (or NotAction) list covers.</summary>
    public static IEnumerable<(BedrockAction Action, string AsWritten)> CoveredBy(IReadOnlyList<string> patterns, bool isNotAction)
    {
        foreach (var action in All)
        {
            if (isNotAction)
            {
                if (!action.NamedOnly && !patterns.Any(p => IamPattern.Matches(p, action.Name, ignoreCase: true)))
                {
                    yield return (action, "NotAction " + string.Join(",", patterns));
                }

                continue;
            }

            var pattern = patterns.FirstOrDefault(p => IamPattern.Matches(p, action.Name, ignoreCase: true)
                && (!action.NamedOnly || p.Contains("converse", StringComparison.OrdinalIgnoreCase)));
            if (pattern is not null)
            {
                yield return (action, pattern);
            }
        }
    }

    private static BedrockAction Invoke(string name) => new(name, GrantCategories.Invoke, null);

    private static BedrockAction Admin(string name, string area) => new(name, GrantCategories.Admin, area);
}

/// <summary>The values of <see cref="GrantRow.AdminArea"/>.</summary>
internal static class AdminAreas
{
    public const string Customisation = "customisation";
    public const string ProvisionedThroughput = "provisioned-throughput";
    public const string ModelAccess = "model-access";
    public const string Logging = "logging";
    public const string Guardrails = "guardrails";
    public const string InferenceProfiles = "inference-profiles";
}
