using BedrockTrail.Governance.AuthorizationDetails;
using BedrockTrail.Governance.Policies;
using BedrockTrail.Lake;

namespace BedrockTrail.Governance.Grants;

/// <summary>Maps an evaluated grant to the lake row.</summary>
internal static class GrantRows
{
    public static GrantRow From(EvaluatedGrant grant, IamIdentity principal, string accountId, string principalType, string sourceFile, DateTime importedAt)
    {
        var candidate = grant.Candidate;
        var model = ResourcePattern.Display(grant.Resource);
        var excluded = candidate.Exceptions.Concat(grant.DeniedWithin).Distinct(StringComparer.Ordinal).ToList();
        if (grant.Effective && excluded.Count > 0)
        {
            model += " except " + string.Join(", ", excluded.Select(ResourcePattern.Display));
        }

        return new GrantRow
        {
            AccountId = accountId,
            PrincipalArn = principal.Arn,
            PrincipalType = principalType,
            PrincipalName = principal.Name,
            Action = candidate.Action.Name,
            ActionAsWritten = candidate.ActionAsWritten,
            Category = candidate.Action.Category,
            AdminArea = candidate.Action.AdminArea,
            Resource = grant.Resource,
            Model = model,
            ResourceRegex = IamPattern.ToRegex(grant.Resource),
            ResourceExceptions = candidate.Exceptions,
            Effect = candidate.Source.Statement.Effect,
            Effective = grant.Effective,
            DeniedBy = grant.Note,
            Conditional = candidate.IsConditional,
            Policy = candidate.Source.Policy,
            Statement = candidate.Source.Statement.Label,
            ViaGroup = candidate.Source.ViaGroup,
            SourceFile = sourceFile,
            ImportedAt = importedAt,
        };
    }
}
