using BedrockTrail.Governance.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Governance.Tests.AuthorizationDetails;

/// <summary>
/// The bundled IAM exports (fixtures/iam/accounts: one as the AWS CLI prints it, one as the raw API returns it with
/// URL-encoded policies) against the grants each principal is known to hold.
/// </summary>
public sealed class FixtureGrantsTests
{
    private static readonly Lazy<IamImportResult> Result = new(() => IamImport.Evaluate(
        Directory.GetFiles(Path.Combine(RepoPaths.Fixtures, "iam", "accounts"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => new IamSourceText(Path.GetFileName(f), File.ReadAllText(f))).ToList(),
        Iam.ImportedAt));

    [Fact]
    public void Evaluate_Fixtures_ImportsBothAccountsWithoutProblems()
    {
        Assert.Empty(Result.Value.Problems);
        Assert.Equal(["111111111111", "333333333333"], Result.Value.Accounts);
        Assert.Equal(10, Result.Value.Principals.Count);
    }

    [Theory]
    [InlineData("role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DataScience_0a1b2c3d4e5f6789", true, false, "anthropic.claude-*, inference-profile/us.anthropic.claude-*")]
    [InlineData("role/AppInvoker", true, false, "*")]
    [InlineData("role/LegacyAnalytics", false, false, "")]
    [InlineData("role/PlatformAdmin", true, true, "*")]
    [InlineData("role/RestrictedInvoker", false, true, "")]
    [InlineData("role/PowerUser", true, true, "*")]
    [InlineData("role/RegionBoundInvoker", true, false, "*")]
    [InlineData("user/svc/batch-scorer", true, false, "anthropic.claude-3-haiku-20240307-v1:0")]
    [InlineData("user/carol", true, false, "anthropic.claude-3-haiku-20240307-v1:0")]
    public void Evaluate_ProdAccount_EachPrincipalHoldsItsKnownGrant(string principal, bool mayInvoke, bool mayAdminister, string models)
    {
        var rows = Iam.Of(Result.Value, "arn:aws:iam::111111111111:" + principal).Where(g => g.Effect == "Allow" && g.Effective).ToList();

        Assert.Equal(mayInvoke, rows.Any(g => g.Category == "invoke"));
        Assert.Equal(mayAdminister, rows.Any(g => g.Category == "admin"));
        Assert.Equal(models, string.Join(", ", rows.Where(g => g.Category == "invoke").Select(g => g.Model).Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Evaluate_RawApiAccount_DecodesPoliciesAndAppliesTheInlineDeny()
    {
        // Given DevModels (default v3: InvokeModel and Converse* on foundation models) and an inline Deny of
        // bedrock:InvokeModel* on anthropic.*, which also stops Converse and ConverseStream (authorised as InvokeModel*)
        const string Dev = "arn:aws:iam::333333333333:role/DevInvoker";

        Assert.Equal(
            ["bedrock:Converse * except anthropic.*", "bedrock:ConverseStream * except anthropic.*", "bedrock:InvokeModel * except anthropic.*"],
            Iam.Allowed(Result.Value, Dev));
        Assert.Equal(["arn:aws:iam::333333333333:root"], Assert.Single(Result.Value.Principals, p => p.PrincipalArn == Dev).TrustedBy);
    }

    [Fact]
    public void Evaluate_TrustPolicies_NameWhoCanAssumeEachRole()
    {
        var trusted = Result.Value.Principals.Where(p => p.PrincipalType == "role" && p.AccountId == "111111111111")
            .ToDictionary(p => p.PrincipalName, p => string.Join(",", p.TrustedBy));

        Assert.Equal("lambda.amazonaws.com", trusted["AppInvoker"]);
        Assert.Equal("ec2.amazonaws.com", trusted["LegacyAnalytics"]);
        Assert.Equal("arn:aws:iam::111111111111:saml-provider/AWSSSO_1234abcd5678ef90_DO_NOT_DELETE", trusted["AWSReservedSSO_DataScience_0a1b2c3d4e5f6789"]);
    }
}
