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
        var firstWord = top.LinkEvidence;

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
                    if (firstWord == EvidenceWords.MissingIssuer)
                    {
                        firstWord = EvidenceWords.SourceIdentity;
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

        // The identity heads the chain unless it is the top principal itself; then that principal's own word
        // ("user-identity") is not a link and is left out (unless it is the only word).
        var withIdentity = !string.Equals(identity, top.Label, StringComparison.Ordinal);
        var skipFirstWord = !withIdentity && hops.Count > 1;
        var chain = new string[hops.Count + (withIdentity ? 1 : 0)];
        var words = new string[hops.Count - (skipFirstWord ? 1 : 0)];
        var c = 0;
        if (withIdentity)
        {
            chain[c++] = identity;
        }

        var w = 0;
        for (var i = 0; i < hops.Count; i++)
        {
            chain[c++] = hops[i].Label;
            if (i > 0 || !skipFirstWord)
            {
                words[w++] = i == 0 ? firstWord : hops[i].LinkEvidence;
            }
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
            Hops = chain.Length - 1,
            ChainAccounts = DistinctAccounts(hops),
            Status = status,
            Evidence = StringPool.Join("; ", words),
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
        Span<bool> first = hops.Count <= 64 ? stackalloc bool[hops.Count] : new bool[hops.Count];
        var count = 0;
        for (var i = 0; i < hops.Count; i++)
        {
            first[i] = hops[i].AccountId is { } account && !SeenBefore(hops, i, account);
            count += first[i] ? 1 : 0;
        }

        var accounts = new string[count];
        var at = 0;
        for (var i = 0; i < hops.Count; i++)
        {
            if (first[i])
            {
                accounts[at++] = hops[i].AccountId!;
            }
        }

        return accounts;
    }

    private static bool SeenBefore(IReadOnlyList<ChainHop> hops, int index, string account)
    {
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(hops[i].AccountId, account, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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
