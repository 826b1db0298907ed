using BedrockTrail.Governance.Policies;

namespace BedrockTrail.Governance.Grants;

/// <summary>
/// Turns the statements of one principal into effective grants: expands action wildcards and <c>NotAction</c> to the
/// Bedrock actions they cover, keeps resources that can name a Bedrock resource, then applies every unconditional
/// <c>Deny</c>, which beats any <c>Allow</c>
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
/// Conditions are not evaluated: a conditional Allow counts as a grant (flagged), a conditional Deny is not applied,
/// so the result is an upper bound of what the principal may do.
/// </summary>
internal static class GrantEvaluator
{
    public static IReadOnlyList<EvaluatedGrant> Evaluate(IReadOnlyList<StatementSource> statements)
    {
        var candidates = statements.SelectMany(Expand).ToList();
        var denies = candidates.Where(c => !c.IsAllow && !c.IsConditional).ToList();
        var result = new List<EvaluatedGrant>();
        foreach (var candidate in candidates)
        {
            if (!candidate.IsAllow)
            {
                result.Add(new EvaluatedGrant(candidate, candidate.Resource, Effective: !candidate.IsConditional,
                    candidate.IsConditional ? "conditional Deny: not applied (conditions are not evaluated)" : null, []));
                continue;
            }

            result.AddRange(ApplyDenies(candidate, denies.Where(d => candidate.Action.IsStoppedBy(d.Action))));
        }

        return result;
    }

    private static IEnumerable<CandidateGrant> Expand(StatementSource source)
    {
        var statement = source.Statement;
        foreach (var (action, asWritten) in BedrockActions.CoveredBy(statement.Actions, statement.IsNotAction))
        {
            if (statement.IsNotResource)
            {
                yield return new CandidateGrant(source, action, asWritten, "*", statement.Resources);
                continue;
            }

            foreach (var resource in statement.Resources.Where(r => ResourcePattern.CanName(r, action.Service)).Distinct(StringComparer.Ordinal))
            {
                yield return new CandidateGrant(source, action, asWritten, resource, []);
            }
        }
    }

    /// <summary>
    /// A Deny on a resource pattern that covers the Allow's removes it; a Deny on a narrower pattern leaves it in force
    /// (noted); a Deny with <c>NotResource</c> (deny all but these) narrows the Allow to the exempt patterns it contains.
    /// </summary>
    private static IEnumerable<EvaluatedGrant> ApplyDenies(CandidateGrant allow, IEnumerable<CandidateGrant> denies)
    {
        var resources = new List<string> { allow.Resource };
        var notes = new List<string>();
        var carvedOut = new List<string>();
        foreach (var deny in denies)
        {
            if (deny.Exceptions.Count == 0)
            {
                var removed = resources.Where(r => IamPattern.Covers(deny.Resource, r, ignoreCase: false)).ToList();
                if (removed.Count > 0)
                {
                    resources.RemoveAll(removed.Contains);
                    notes.Add("denied by " + deny.Origin);
                }
                else if (resources.Any(r => IamPattern.Covers(r, deny.Resource, ignoreCase: false)))
                {
                    notes.Add($"except {deny.Resource} (denied by {deny.Origin})");
                    carvedOut.Add(deny.Resource);
                }

                continue;
            }

            // Deny NotResource X: everything outside X is denied. What remains of each allowed pattern R is R itself
            // when some x covers it, else the exempt patterns R covers.
            var narrowed = resources
                .SelectMany(r => deny.Exceptions.Any(x => IamPattern.Covers(x, r, ignoreCase: false))
                    ? [r]
                    : deny.Exceptions.Where(x => IamPattern.Covers(r, x, ignoreCase: false)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (!narrowed.SequenceEqual(resources, StringComparer.Ordinal))
            {
                notes.Add((narrowed.Count == 0 ? "denied by " : "narrowed by ") + deny.Origin);
                resources = narrowed;
            }
        }

        var note = notes.Count == 0 ? null : string.Join("; ", notes);
        if (resources.Count == 0)
        {
            return [new EvaluatedGrant(allow, allow.Resource, Effective: false, note, [])];
        }

        return resources.Select(r => new EvaluatedGrant(allow, r, Effective: true, note, carvedOut.Where(d => IamPattern.Covers(r, d, ignoreCase: false)).ToList()));
    }
}

/// <summary>
/// A candidate after Deny: the resource it is in force for (narrowed where a Deny narrowed it), why not if not, and the
/// narrower patterns a Deny carves out of it.
/// </summary>
internal sealed record EvaluatedGrant(CandidateGrant Candidate, string Resource, bool Effective, string? Note, IReadOnlyList<string> DeniedWithin);
