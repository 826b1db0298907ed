using System.Net;
using System.Text.Json.Nodes;
using BedrockTrail.Governance.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Governance.Tests.AuthorizationDetails;

public sealed class IamImportTests
{
    private static readonly string Accounts = Path.Combine(RepoPaths.Fixtures, "iam", "accounts");

    [Fact]
    public void Evaluate_ManagedPolicy_UsesOnlyTheDefaultVersion()
    {
        // Given a managed policy whose old version v1 allowed bedrock:* and whose default v2 allows one model
        var document = new JsonObject
        {
            ["RoleDetailList"] = new JsonArray(Iam.Role("Scoped", attached: ["arn:aws:iam::111122223333:policy/Scoped"])),
            ["Policies"] = new JsonArray(new JsonObject
            {
                ["PolicyName"] = "Scoped",
                ["Arn"] = "arn:aws:iam::111122223333:policy/Scoped",
                ["DefaultVersionId"] = "v2",
                ["PolicyVersionList"] = new JsonArray(
                    new JsonObject { ["VersionId"] = "v1", ["IsDefaultVersion"] = false, ["Document"] = JsonNode.Parse(Iam.Policy("""[{"Effect":"Allow","Action":"bedrock:*","Resource":"*"}]""")) },
                    new JsonObject { ["VersionId"] = "v2", ["IsDefaultVersion"] = true, ["Document"] = JsonNode.Parse(Iam.Policy("""[{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"arn:aws:bedrock:*::foundation-model/amazon.nova-*"}]""")) }),
            }),
        };

        var result = Iam.Evaluate(document.ToJsonString());

        Assert.Equal(["bedrock:InvokeModel amazon.nova-*"], Iam.Allowed(result));
        Assert.Equal("arn:aws:iam::111122223333:policy/Scoped", result.Grants[0].Policy);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Evaluate_UserInGroup_GetsTheGroupsInlineAndAttachedPolicies()
    {
        var document = $$"""
            {"UserDetailList":[{"Path":"/","UserName":"dana","Arn":"arn:aws:iam::111122223333:user/dana","GroupList":["ml"],"UserPolicyList":[],"AttachedManagedPolicies":[]}],
             "GroupDetailList":[{"GroupName":"ml","Arn":"arn:aws:iam::111122223333:group/ml",
               "GroupPolicyList":[{"PolicyName":"invoke","PolicyDocument":{{Iam.Policy("""[{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"*"}]""")}}}],
               "AttachedManagedPolicies":[{"PolicyName":"Guard","PolicyArn":"arn:aws:iam::111122223333:policy/Guard"}]}],
             "Policies":[{"PolicyName":"Guard","Arn":"arn:aws:iam::111122223333:policy/Guard","DefaultVersionId":"v1","PolicyVersionList":[{"VersionId":"v1","IsDefaultVersion":true,
               "Document":{{Iam.Policy("""[{"Effect":"Allow","Action":"bedrock:*Guardrail","Resource":"*"}]""")}}}]}]}
            """;

        var result = Iam.Evaluate(document);

        Assert.Equal(["bedrock:CreateGuardrail *", "bedrock:DeleteGuardrail *", "bedrock:InvokeModel *", "bedrock:UpdateGuardrail *"], Iam.Allowed(result));
        Assert.All(result.Grants, g => Assert.Equal(("user", "ml"), (g.PrincipalType, g.ViaGroup)));
        Assert.Equal(["ml"], Assert.Single(result.Principals).Groups);
    }

    [Fact]
    public void Evaluate_BadInputs_AreReportedWithFileAndPrincipalAndTheRestIsImported()
    {
        // Given a file that is not JSON, a JSON file that is not this document, and a document with one broken policy,
        // one missing managed policy and one good role
        var good = Iam.Role("Good", inline: [("ok", JsonNode.Parse(Iam.Policy("""[{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"*"}]"""))!)]);
        var broken = Iam.Role("Broken", inline: [("bad", JsonValue.Create("%7B%22Statement%22"))], attached: ["arn:aws:iam::aws:policy/AmazonBedrockFullAccess"]);
        var document = new JsonObject { ["RoleDetailList"] = new JsonArray(good, broken) }.ToJsonString();

        var result = IamImport.Evaluate(
            [new IamSourceText("notes.json", "this is not JSON"), new IamSourceText("trail.json", """{"Records":[]}"""), new IamSourceText("acct.json", document)],
            Iam.ImportedAt);

        // Then every problem names its file (and principal), and the good role is imported
        const string Broken = "arn:aws:iam::111122223333:role/Broken";
        Assert.Equal(
            [("notes.json", null), ("trail.json", null), ("acct.json", Broken), ("acct.json", Broken)],
            result.Problems.Select(p => (p.SourceFile, p.Principal)));
        string[] reasons =
        [
            "not JSON: ",
            "not an authorization-details document (no UserDetailList, GroupDetailList, RoleDetailList or Policies)",
            "inline:bad: policy document is not JSON after URL-decoding: ",
            "arn:aws:iam::aws:policy/AmazonBedrockFullAccess: attached policy is not in the document's Policies; not evaluated",
        ];
        Assert.All(reasons.Zip(result.Problems), r => Assert.StartsWith(r.First, r.Second.Reason, StringComparison.Ordinal));
        Assert.Equal(["bedrock:InvokeModel *"], Iam.Allowed(result));
        Assert.Equal(2, result.Principals.Count);
        Assert.Equal(1, result.Documents);
    }

    [Fact]
    public void Evaluate_SameDocumentUrlEncoded_GivesTheSameGrants()
    {
        // Given the CLI-shaped fixture and the same document with every policy URL-encoded, as the raw API returns it
        var cli = File.ReadAllText(Path.Combine(Accounts, "ml-prod-111111111111.json"));
        var raw = JsonNode.Parse(cli)!;
        foreach (var holder in Holders(raw))
        {
            foreach (var key in new[] { "AssumeRolePolicyDocument", "Document" })
            {
                if (holder[key] is JsonObject policy)
                {
                    holder[key] = WebUtility.UrlEncode(policy.ToJsonString());
                }
            }

            foreach (var list in new[] { "RolePolicyList", "UserPolicyList", "GroupPolicyList" })
            {
                foreach (var inline in holder[list]?.AsArray() ?? [])
                {
                    inline!["PolicyDocument"] = Uri.EscapeDataString(inline["PolicyDocument"]!.ToJsonString());
                }
            }
        }

        // When both are evaluated
        var fromCli = Iam.Evaluate(cli);
        var fromRaw = Iam.Evaluate(raw.ToJsonString());

        // Then the grants are the same, row for row
        Assert.Empty(fromRaw.Problems);
        Assert.Equal(fromCli.Grants.Select(g => g with { SourceFile = "x" }), fromRaw.Grants.Select(g => g with { SourceFile = "x" }));
        Assert.Equal(fromCli.Principals.SelectMany(p => p.TrustedBy), fromRaw.Principals.SelectMany(p => p.TrustedBy));
    }

    [Fact]
    public void Evaluate_SameExportTwice_CountsEachPrincipalOnce()
    {
        var document = Iam.OneRole(Iam.Policy("""[{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"*"}]"""));

        var result = Iam.Evaluate(document, document);

        Assert.Single(result.Principals);
        Assert.Equal(["bedrock:InvokeModel *"], Iam.Allowed(result));
    }

    private static IEnumerable<JsonObject> Holders(JsonNode document) =>
        new[] { "UserDetailList", "GroupDetailList", "RoleDetailList" }
            .SelectMany(l => document[l]?.AsArray() ?? [])
            .Concat((document["Policies"]?.AsArray() ?? []).SelectMany(p => p!["PolicyVersionList"]!.AsArray()))
            .OfType<JsonObject>();
}
