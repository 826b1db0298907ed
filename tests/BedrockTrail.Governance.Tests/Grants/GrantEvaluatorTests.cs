using BedrockTrail.Governance.Tests.Support;

namespace BedrockTrail.Governance.Tests.Grants;

/// <summary>Every policy shape the issue names, evaluated against the exact grants it should give.</summary>
public sealed class GrantEvaluatorTests
{
    private const string AllModels = "arn:aws:bedrock:*::foundation-model/*";
    private const string Haiku = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0";

    private static readonly string[] InvokeEverything =
    [
        "bedrock:InvokeAgent *", "bedrock:InvokeFlow *", "bedrock:InvokeInlineAgent *", "bedrock:InvokeModel *", "bedrock:InvokeModelWithResponseStream *",
    ];

    private static readonly string[] AdminEverything =
    [
        "bedrock:CreateCustomModel *", "bedrock:CreateFoundationModelAgreement *", "bedrock:CreateGuardrail *", "bedrock:CreateGuardrailVersion *",
        "bedrock:CreateInferenceProfile *", "bedrock:CreateModelCopyJob *", "bedrock:CreateModelCustomizationJob *", "bedrock:CreateModelImportJob *",
        "bedrock:CreateProvisionedModelThroughput *", "bedrock:DeleteCustomModel *", "bedrock:DeleteFoundationModelAgreement *", "bedrock:DeleteGuardrail *",
        "bedrock:DeleteImportedModel *", "bedrock:DeleteInferenceProfile *", "bedrock:DeleteModelInvocationLoggingConfiguration *",
        "bedrock:DeleteProvisionedModelThroughput *", "bedrock:PutFoundationModelEntitlement *", "bedrock:PutModelInvocationLoggingConfiguration *",
        "bedrock:PutUseCaseForModelAccess *", "bedrock:StopModelCustomizationJob *", "bedrock:UpdateGuardrail *", "bedrock:UpdateProvisionedModelThroughput *",
    ];

    [Fact]
    public void Evaluate_BedrockStarOnStar_GrantsEveryInvokeAndAdminActionButNotConverse()
    {
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy("""[{"Effect":"Allow","Action":"bedrock:*","Resource":"*"}]""")));

        Assert.Equal(InvokeEverything.Concat(AdminEverything).Order(StringComparer.Ordinal), Iam.Allowed(result));
    }

    [Fact]
    public void Evaluate_InvokeStar_GrantsTheInvokeActionsOnly()
    {
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy("""[{"Effect":"Allow","Action":"bedrock:Invoke*","Resource":"*"}]""")));

        Assert.Equal(InvokeEverything, Iam.Allowed(result));
        Assert.All(result.Grants, g => Assert.Equal(("invoke", "bedrock:Invoke*"), (g.Category, g.ActionAsWritten)));
    }

    [Fact]
    public void Evaluate_StarAction_AlsoGrantsMarketplaceModelAccess()
    {
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy("""[{"Effect":"Allow","Action":"*","Resource":"*"}]""")));

        Assert.Equal(InvokeEverything.Concat(AdminEverything).Append("aws-marketplace:Subscribe *").Order(StringComparer.Ordinal), Iam.Allowed(result));
    }

    [Fact]
    public void Evaluate_NotActionIam_GrantsBedrockLikeAStar()
    {
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy("""[{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}]""")));

        Assert.Equal(InvokeEverything.Concat(AdminEverything).Append("aws-marketplace:Subscribe *").Order(StringComparer.Ordinal), Iam.Allowed(result));
        Assert.Equal("NotAction iam:*,organizations:*", result.Grants[0].ActionAsWritten);
    }

    [Fact]
    public void Evaluate_NotActionBedrock_GrantsNoBedrockAction()
    {
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy("""[{"Effect":"Allow","NotAction":"bedrock:*","Resource":"*"}]""")));

        Assert.Equal(["aws-marketplace:Subscribe *"], Iam.Allowed(result));
    }

    [Fact]
    public void Evaluate_ResourceScopedToModelsAndProfiles_ShowsEachModel()
    {
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy($$"""
            [{"Effect":"Allow","Action":["bedrock:InvokeModel"],"Resource":["{{Haiku}}","arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0","arn:aws:s3:::not-a-model/*"]}]
            """)));

        Assert.Equal(
            ["bedrock:InvokeModel anthropic.claude-3-haiku-20240307-v1:0", "bedrock:InvokeModel inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0"],
            Iam.Allowed(result));
    }

    [Fact]
    public void Evaluate_StatementScopedToAnotherService_GrantsNothing()
    {
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy("""[{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::reports/*"}]""")));

        Assert.Empty(result.Grants);
        Assert.Single(result.Principals);
    }

    [Fact]
    public void Evaluate_ConverseNamed_GrantsConverseAndConverseStream()
    {
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy($$"""[{"Effect":"Allow","Action":"bedrock:Converse*","Resource":"{{AllModels}}"}]""")));

        Assert.Equal(["bedrock:Converse *", "bedrock:ConverseStream *"], Iam.Allowed(result));
    }

    [Fact]
    public void Evaluate_DenyOnStar_BeatsAllow()
    {
        // Given an Allow of everything and a Deny of InvokeModel on every resource
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy("""
            [{"Effect":"Allow","Action":"bedrock:Invoke*","Resource":"*"},{"Sid":"NoModels","Effect":"Deny","Action":"bedrock:InvokeModel","Resource":"*"}]
            """)));

        // Then InvokeModel is not granted and says why; the Deny row is kept and applied
        Assert.DoesNotContain("bedrock:InvokeModel *", Iam.Allowed(result));
        var allow = Assert.Single(result.Grants, g => g.Action == "bedrock:InvokeModel" && g.Effect == "Allow");
        Assert.False(allow.Effective);
        Assert.Equal("denied by inline:tested NoModels", allow.DeniedBy);
        Assert.True(Assert.Single(result.Grants, g => g.Effect == "Deny").Effective);
    }

    [Fact]
    public void Evaluate_DenyOfInvokeModel_AlsoStopsConverse()
    {
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy("""
            [{"Effect":"Allow","Action":["bedrock:Converse","bedrock:InvokeModel"],"Resource":"*"},{"Effect":"Deny","Action":"bedrock:InvokeModel","Resource":"*"}]
            """)));

        Assert.Empty(Iam.Allowed(result));
    }

    [Fact]
    public void Evaluate_DenyOnNarrowerResource_LeavesTheAllowWithAnException()
    {
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy($$"""
            [{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"{{AllModels}}"},{"Effect":"Deny","Action":"bedrock:InvokeModel","Resource":"arn:aws:bedrock:*::foundation-model/anthropic.*"}]
            """)));

        Assert.Equal(["bedrock:InvokeModel * except anthropic.*"], Iam.Allowed(result));
    }

    [Fact]
    public void Evaluate_DenyNotResource_NarrowsTheAllowToTheExemptModels()
    {
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy("""
            [{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"*"},{"Effect":"Deny","Action":"bedrock:InvokeModel","NotResource":"arn:aws:bedrock:*::foundation-model/amazon.titan-*"}]
            """)));

        Assert.Equal(["bedrock:InvokeModel amazon.titan-*"], Iam.Allowed(result));
        Assert.Equal("arn:aws:bedrock:*::foundation-model/amazon.titan-*", Assert.Single(result.Grants, g => g.Effect == "Allow").Resource);
    }

    [Fact]
    public void Evaluate_AllowNotResource_GrantsEverythingExceptThePatterns()
    {
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy("""
            [{"Effect":"Allow","Action":"bedrock:InvokeModel","NotResource":"arn:aws:bedrock:*::foundation-model/meta.*"}]
            """)));

        var grant = Assert.Single(result.Grants);
        Assert.Equal(("*", "* except meta.*", true), (grant.Resource, grant.Model, grant.Effective));
        Assert.Equal(["arn:aws:bedrock:*::foundation-model/meta.*"], grant.ResourceExceptions);
    }

    [Fact]
    public void Evaluate_Conditions_AllowCountsAndIsFlaggedDenyIsNotApplied()
    {
        // Conditions are not evaluated: the result is an upper bound of what the principal may do
        var result = Iam.Evaluate(Iam.OneRole(Iam.Policy("""
            [{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}},
             {"Effect":"Deny","Action":"bedrock:InvokeModel","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}]
            """)));

        var allow = Assert.Single(result.Grants, g => g.Effect == "Allow");
        Assert.True(allow.Effective);
        Assert.True(allow.Conditional);
        var deny = Assert.Single(result.Grants, g => g.Effect == "Deny");
        Assert.False(deny.Effective);
        Assert.Equal("conditional Deny: not applied (conditions are not evaluated)", deny.DeniedBy);
    }
}
