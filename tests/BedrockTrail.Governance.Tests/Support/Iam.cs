using System.Text.Json.Nodes;
using BedrockTrail.Lake;

namespace BedrockTrail.Governance.Tests.Support;

/// <summary>Builds small authorization-details documents in the AWS CLI's shape, and evaluates them.</summary>
internal static class Iam
{
    public const string Account = "111122223333";

    public static readonly DateTime ImportedAt = new(2026, 3, 11, 8, 0, 0, DateTimeKind.Utc);

    public static string RoleArn(string name) => $"arn:aws:iam::{Account}:role/{name}";

    /// <summary>A document with one role holding the given inline policy (JSON text).</summary>
    public static string OneRole(string policyJson, string name = "Tested") => new JsonObject
    {
        ["RoleDetailList"] = new JsonArray(Role(name, inline: [("tested", JsonNode.Parse(policyJson)!)])),
    }.ToJsonString();

    public static JsonObject Role(string name, (string Name, JsonNode Document)[]? inline = null, string[]? attached = null) => new()
    {
        ["Path"] = "/",
        ["RoleName"] = name,
        ["RoleId"] = "AROAEXAMPLE" + name.ToUpperInvariant(),
        ["Arn"] = RoleArn(name),
        ["AssumeRolePolicyDocument"] = JsonNode.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
        ["RolePolicyList"] = new JsonArray((inline ?? []).Select(p => (JsonNode)new JsonObject { ["PolicyName"] = p.Name, ["PolicyDocument"] = p.Document.DeepClone() }).ToArray()),
        ["AttachedManagedPolicies"] = new JsonArray((attached ?? []).Select(a => (JsonNode)new JsonObject { ["PolicyName"] = a[(a.LastIndexOf('/') + 1)..], ["PolicyArn"] = a }).ToArray()),
    };

    public static IamImportResult Evaluate(params string[] documents) =>
        IamImport.Evaluate(documents.Select((d, i) => new IamSourceText($"doc{i}.json", d)).ToList(), ImportedAt);

    /// <summary>The effective Allow rows as "action resource-display" strings, sorted, for exact comparison.</summary>
    public static string[] Allowed(IamImportResult result, string? principalArn = null) =>
        result.Grants
            .Where(g => g.Effect == "Allow" && g.Effective && (principalArn is null || g.PrincipalArn == principalArn))
            .Select(g => g.Action + " " + g.Model)
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static string Policy(string statements) => $$"""{"Version":"2012-10-17","Statement":{{statements}}}""";

    public static IEnumerable<GrantRow> Of(IamImportResult result, string principalArn) => result.Grants.Where(g => g.PrincipalArn == principalArn);
}
