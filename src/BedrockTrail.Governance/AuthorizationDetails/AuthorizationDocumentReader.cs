using System.Text.Json;

namespace BedrockTrail.Governance.AuthorizationDetails;

/// <summary>
/// Reads one authorization-details document leniently: a malformed user, role or policy entry is reported and skipped,
/// the rest is kept. Not JSON, or JSON without any of the four lists, is not this document at all.
/// </summary>
internal static class AuthorizationDocumentReader
{
    private static readonly string[] Lists = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"];

    public static (AuthorizationDocument? Document, IReadOnlyList<ImportProblem> Problems) Read(string sourceFile, string text)
    {
        JsonElement root;
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            root = json.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, [new ImportProblem(sourceFile, null, "not JSON: " + e.Message)]);
        }

        if (root.ValueKind != JsonValueKind.Object || !Lists.Any(l => root.TryGetProperty(l, out _)))
        {
            return (null, [new ImportProblem(sourceFile, null, "not an authorization-details document (no UserDetailList, GroupDetailList, RoleDetailList or Policies)")]);
        }

        var problems = new List<ImportProblem>();
        var users = Identities(root, "UserDetailList", "UserName", "UserPolicyList", sourceFile, problems);
        var roles = Identities(root, "RoleDetailList", "RoleName", "RolePolicyList", sourceFile, problems);
        var groups = Identities(root, "GroupDetailList", "GroupName", "GroupPolicyList", sourceFile, problems);
        var policies = Array(root, "Policies").Select(p => Managed(p, sourceFile, problems)).OfType<ManagedPolicy>().ToList();
        return (new AuthorizationDocument(sourceFile, users, roles, groups, policies), problems);
    }

    private static List<IamIdentity> Identities(JsonElement root, string list, string nameProperty, string policyList, string sourceFile, List<ImportProblem> problems)
    {
        var identities = new List<IamIdentity>();
        var index = 0;
        foreach (var entry in Array(root, list))
        {
            var arn = Text(entry, "Arn");
            var name = Text(entry, nameProperty);
            if (arn is null || name is null)
            {
                problems.Add(new ImportProblem(sourceFile, name ?? $"{list}[{index}]", $"entry has no Arn or {nameProperty}; skipped"));
                index++;
                continue;
            }

            var inline = Array(entry, policyList)
                .Select(p => (Name: Text(p, "PolicyName"), Found: p.TryGetProperty("PolicyDocument", out var d), Document: d))
                .Where(p => p.Name is not null && p.Found)
                .Select(p => new InlinePolicy(p.Name!, p.Document))
                .ToList();
            var attached = Array(entry, "AttachedManagedPolicies").Select(p => Text(p, "PolicyArn")).OfType<string>().ToList();
            var groupNames = Array(entry, "GroupList").Where(g => g.ValueKind == JsonValueKind.String).Select(g => g.GetString()!).ToList();
            var boundary = entry.TryGetProperty("PermissionsBoundary", out var b) && b.ValueKind == JsonValueKind.Object;
            JsonElement? trust = entry.TryGetProperty("AssumeRolePolicyDocument", out var t) ? t : null;
            identities.Add(new IamIdentity(arn, name, inline, attached, groupNames, boundary, trust));
            index++;
        }

        return identities;
    }

    private static ManagedPolicy? Managed(JsonElement entry, string sourceFile, List<ImportProblem> problems)
    {
        var arn = Text(entry, "Arn");
        if (arn is null)
        {
            problems.Add(new ImportProblem(sourceFile, Text(entry, "PolicyName"), "managed policy has no Arn; skipped"));
            return null;
        }

        // Only the default version is in force; the export lists the others too.
        var defaultId = Text(entry, "DefaultVersionId");
        var versions = Array(entry, "PolicyVersionList");
        var chosen = versions.FirstOrDefault(v => v.TryGetProperty("IsDefaultVersion", out var d) && d.ValueKind == JsonValueKind.True);
        if (chosen.ValueKind == JsonValueKind.Undefined && defaultId is not null)
        {
            chosen = versions.FirstOrDefault(v => Text(v, "VersionId") == defaultId);
        }

        JsonElement? document = chosen.ValueKind == JsonValueKind.Object && chosen.TryGetProperty("Document", out var doc) ? doc : null;
        return new ManagedPolicy(arn, Text(entry, "PolicyName") ?? arn, document);
    }

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
