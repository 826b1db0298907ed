using BedrockTrail.Governance.AuthorizationDetails;
using BedrockTrail.Governance.Policies;

namespace BedrockTrail.Governance.Grants;

/// <summary>
/// Gathers every identity-policy statement that applies to a user or role: its inline policies, its attached managed
/// policies (default version), and for a user the inline and attached policies of each of its groups
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html).
/// </summary>
internal sealed class PrincipalPolicies
{
    private readonly IReadOnlyDictionary<string, ManagedPolicy> _managed;
    private readonly IReadOnlyDictionary<string, IamIdentity> _groups;

    public PrincipalPolicies(IReadOnlyDictionary<string, ManagedPolicy> managed, IReadOnlyDictionary<string, IamIdentity> groups)
    {
        _managed = managed;
        _groups = groups;
    }

    public List<StatementSource> For(IamIdentity principal, string sourceFile, List<ImportProblem> problems)
    {
        var statements = new List<StatementSource>();
        AddOwn(principal, viaGroup: null, principal.Arn, sourceFile, statements, problems);
        foreach (var groupName in principal.GroupNames)
        {
            if (_groups.TryGetValue(groupName, out var group))
            {
                AddOwn(group, group.Name, principal.Arn, sourceFile, statements, problems);
            }
            else
            {
                problems.Add(new ImportProblem(sourceFile, principal.Arn, $"group {groupName} is not in the document; its policies are not evaluated"));
            }
        }

        return statements;
    }

    private void AddOwn(IamIdentity holder, string? viaGroup, string principalArn, string sourceFile, List<StatementSource> statements, List<ImportProblem> problems)
    {
        foreach (var inline in holder.InlinePolicies)
        {
            Add(PolicyDocumentReader.Read(inline.Document), "inline:" + inline.Name, viaGroup, principalArn, sourceFile, statements, problems);
        }

        foreach (var arn in holder.AttachedPolicyArns)
        {
            var label = (viaGroup is null ? string.Empty : "group " + viaGroup + " ") + arn;
            if (!_managed.TryGetValue(arn, out var policy))
            {
                problems.Add(new ImportProblem(sourceFile, principalArn, $"{label}: attached policy is not in the document's Policies; not evaluated"));
                continue;
            }

            if (policy.DefaultDocument is not { } document)
            {
                problems.Add(new ImportProblem(sourceFile, principalArn, $"{label}: no default policy version in the document; not evaluated"));
                continue;
            }

            Add(PolicyDocumentReader.Read(document), arn, viaGroup, principalArn, sourceFile, statements, problems);
        }
    }

    private static void Add(PolicyRead read, string policy, string? viaGroup, string principalArn, string sourceFile, List<StatementSource> statements, List<ImportProblem> problems)
    {
        var label = (viaGroup is null ? string.Empty : "group " + viaGroup + " ") + policy;
        statements.AddRange(read.Statements.Select(s => new StatementSource(s, policy, viaGroup)));
        problems.AddRange(read.Problems.Select(p => new ImportProblem(sourceFile, principalArn, label + ": " + p)));
    }
}
