using BedrockTrail.Lake;
using BedrockTrail.Resolve.Sessions;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// Turns a walk into the <c>identities</c> row under the fixed conventions: chain = the identity, then each hop's
/// principal top-down (the identity is not repeated when it is the top hop itself); one evidence word per link.
/// </summary>
internal static class IdentityRowBuilder
{
    public static IdentityRow Build(ObservedSession session, ChainWalk walk)
    {
        var hops = walk.Hops;
        var top = hops[0];
        var sourceIdentity = FirstSourceIdentity(hops) ?? session.SourceIdentity;
        var words = new List<string>(hops.Count);
        foreach (var hop in hops)
        {
            words.Add(hop.LinkEvidence);
        }


        string identity;
        string kind;
        string? source;
        string status;
        switch (walk.Outcome)
        {
            case WalkOutcome.Root:
                identity = walk.Root!.Identity;
                kind = walk.Root.Kind;
                source = walk.Root.Source;
                status = ResolutionStatuses.Resolved;
                break;
            case WalkOutcome.External:
                identity = top.Label;
                kind = IdentityKinds.External;
                source = IdentitySources.External;
                status = ResolutionStatuses.Partial;
                break;
            default:
                if (sourceIdentity is not null)
                {
                    // The source identity names the person even where a link is missing (set once, carried on).
                    identity = sourceIdentity;
                    kind = IdentityKinds.Human;
                    source = IdentitySources.SourceIdentity;
                    status = ResolutionStatuses.Partial;
                    if (words[0] == EvidenceWords.MissingIssuer)
                    {
                        words[0] = EvidenceWords.SourceIdentity;
                    }
                }
                else
                {
                    identity = FirstRoleArn(hops) ?? top.Arn ?? top.Label;
                    kind = IdentityKinds.Unresolved;
                    source = null;
                    status = hops.Count > 1 || walk.Ambiguous ? ResolutionStatuses.Partial : ResolutionStatuses.Unresolved;
                }

                break;
        }

        var chain = new List<string>(hops.Count + 1);
        if (!string.Equals(identity, top.Label, StringComparison.Ordinal))
        {
            chain.Add(identity);
        }
        else if (words.Count > 1)
        {
            // The identity is the top principal itself: its own word ("user-identity") is not a link.
            words.RemoveAt(0);
        }

        foreach (var hop in hops)
        {
            chain.Add(hop.Label);
        }

        var accessKey = session.AccessKeyId;
        var apiKey = walk.Root?.BedrockApiKey == true;
        return new IdentityRow
        {
            SessionKey = session.SessionKey,
            AccessKeyId = accessKey,
            SessionArn = session.PrincipalArn,
            SessionIssuerArn = session.SessionIssuerArn,
            AccountId = session.PrincipalAccountId ?? session.AccountId,
            Identity = identity,
            IdentityKind = kind,
            IdentitySource = source,
            Chain = chain,
            Hops = chain.Count - 1,
            ChainAccounts = DistinctAccounts(hops),
            Status = status,
            Evidence = string.Join("; ", words),
            LinkEvidence = words,
            SourceIdentity = sourceIdentity,
            LongTermCredential = apiKey || (accessKey is not null && accessKey.StartsWith("AKIA", StringComparison.Ordinal)),
            BedrockApiKey = apiKey,
        };
    }

    private static string? FirstRoleArn(IReadOnlyList<ChainHop> hops)
    {
        foreach (var hop in hops)
        {
            if (hop.RoleArn is not null)
            {
                return hop.RoleArn;
            }
        }

        return null;
    }

    /// <summary>The hops' accounts, first occurrence order, without repeats (chains are a handful of hops long).</summary>
    private static string[] DistinctAccounts(IReadOnlyList<ChainHop> hops)
    {
        var accounts = new List<string>(hops.Count);
        foreach (var hop in hops)
        {
            if (hop.AccountId is { } account && !accounts.Contains(account))
            {
                accounts.Add(account);
            }
        }

        return [.. accounts];
    }

    private static string? FirstSourceIdentity(IReadOnlyList<ChainHop> hops)
    {
        foreach (var hop in hops)
        {
            if (!string.IsNullOrEmpty(hop.SourceIdentity))
            {
                return hop.SourceIdentity;
            }
        }

        return null;
    }
}
