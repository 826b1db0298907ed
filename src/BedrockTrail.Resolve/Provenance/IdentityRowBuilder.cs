using BedrockTrail.Lake;
using BedrockTrail.Resolve.Sessions;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// Turns a walk into the <c>identities</c> row under the fixed conventions: chain = the identity, then each hop's
/// principal top-down (the identity is not repeated when it is the top hop itself); one evidence word per link.
/// </summary>
internal sealed class IdentityRowBuilder
{
    private readonly SharedLists _lists = new();

    public IdentityRow Build(ObservedSession session, ChainWalk walk)
    {
        var last = walk.Last;
        var top = last.Top;
        var count = last.Count;

        // One pass bottom-up; "first" top-down is the last one met going up.
        string? sourceIdentityOnChain = null;
        for (var link = last; link is not null; link = link.Above)
        {
            if (!string.IsNullOrEmpty(link.SourceIdentity))
            {
                sourceIdentityOnChain = link.SourceIdentity;
            }
        }

        var sourceIdentity = sourceIdentityOnChain ?? session.SourceIdentity;
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
                    identity = FirstRoleArn(last) ?? top.Arn ?? top.Label;
                    kind = IdentityKinds.Unresolved;
                    source = null;
                    status = count > 1 || walk.Ambiguous ? ResolutionStatuses.Partial : ResolutionStatuses.Unresolved;
                }

                break;
        }

        // The identity heads the chain unless it is the top principal itself; then that principal's own word
        // ("user-identity") is not a link and is left out (unless it is the only word).
        var withIdentity = !string.Equals(identity, top.Label, StringComparison.Ordinal);
        var skipFirstWord = !withIdentity && count > 1;
        var chain = new string[count + (withIdentity ? 1 : 0)];
        var words = _lists.Scratch(count - (skipFirstWord ? 1 : 0));
        if (withIdentity)
        {
            chain[0] = identity;
        }

        // Filled from the bottom: hop i (top-down) is at chain[c0 + i] and words[i - skip].
        var c0 = withIdentity ? 1 : 0;
        var skip = skipFirstWord ? 1 : 0;
        var i = count - 1;
        for (var link = last; link is not null; link = link.Above, i--)
        {
            chain[c0 + i] = link.Label;
            if (i > 0)
            {
                words[i - skip] = link.LinkEvidence;
            }
            else if (!skipFirstWord)
            {
                words[0] = firstWord;
            }
        }

        var evidence = StringPool.Join("; ", words);
        words = _lists.Share(words);
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
            ChainAccounts = _lists.Share(DistinctAccounts(last)),
            Status = status,
            Evidence = evidence,
            LinkEvidence = words,
            SourceIdentity = sourceIdentity,
            LongTermCredential = apiKey || (accessKey is not null && accessKey.StartsWith("AKIA", StringComparison.Ordinal)),
            BedrockApiKey = apiKey,
        };
    }

    /// <summary>The first role on the chain, top-down (the last one met going up).</summary>
    private static string? FirstRoleArn(HopLink last)
    {
        string? first = null;
        for (var link = last; link is not null; link = link.Above)
        {
            first = link.RoleArn ?? first;
        }

        return first;
    }

    /// <summary>The hops' accounts, first occurrence top-down, without repeats (chains are a handful of hops long).</summary>
    private string[] DistinctAccounts(HopLink last)
    {
        var count = 0;
        for (var link = last; link is not null; link = link.Above)
        {
            count += FirstOnChain(link) ? 1 : 0;
        }

        var accounts = _lists.Scratch(count);
        for (var link = last; link is not null; link = link.Above)
        {
            if (FirstOnChain(link))
            {
                accounts[--count] = link.AccountId!;
            }
        }

        return accounts;
    }

    /// <summary>Whether the link has an account no hop above it has (its first occurrence, reading top-down).</summary>
    private static bool FirstOnChain(HopLink link)
    {
        if (link.AccountId is not { } account)
        {
            return false;
        }

        for (var above = link.Above; above is not null; above = above.Above)
        {
            if (string.Equals(above.AccountId, account, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
