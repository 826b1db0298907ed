using System.Runtime.InteropServices;
using BedrockTrail.Lake;
using BedrockTrail.Resolve.Credentials;
using BedrockTrail.Resolve.IdentityCenter;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// Walks a principal back hop by hop to its root. Each access key is walked once and remembered, so a million
/// sessions over shared parents cost one dictionary lookup per hop: linear in sessions plus credential events.
/// Cycles and absurd depth end the walk as a cut link, never a loop.
/// </summary>
internal sealed partial class ChainWalker
{
    private readonly IssuerLookup _lookup;
    private readonly IReadOnlySet<string> _ingested;
    private readonly IdentityCenterDirectory _directory;
    private readonly int _maxDepth;
    private readonly IReadOnlyDictionary<string, PrincipalNode> _sessionNodes;
    /// <summary>Marks a key whose walk has started and not finished (a different instance from every real walk).</summary>
    private static readonly ChainWalk InProgress = new(WalkOutcome.Cut, null, []);

    private readonly Dictionary<string, ChainWalk> _memo;
    private readonly ChainWalk?[] _walkByIssuance;

    public ChainWalker(IssuerLookup lookup, IReadOnlySet<string> ingested, IReadOnlyDictionary<string, PrincipalNode> sessionNodes, ResolverOptions options)
    {
        // Keys one call issued are remembered per issuance; the table holds the rest (IAM users' keys, sessions
        // whose issuer was not ingested, keys two calls claim).
        _walkByIssuance = new ChainWalk?[lookup.IssuanceCount];
        _memo = new Dictionary<string, ChainWalk>(StringComparer.Ordinal);
        _lookup = lookup;
        _ingested = ingested;
        _sessionNodes = sessionNodes;
        _directory = options.Directory;
        _maxDepth = options.MaxDepth;
    }

    public ChainWalk Walk(PrincipalNode node) => WalkNode(node, depth: 0);

    private ChainWalk WalkNode(PrincipalNode node, int depth)
    {
        var key = node.AccessKeyId;
        if (string.IsNullOrEmpty(key))
        {
            return OnBehalfOf(node, depth);
        }

        // A key one call issued (nearly every key) keeps its walk in that issuance's slot: no table lookups.
        var issuedBy = _lookup.ByKey(key);
        if (issuedBy.Count == 1)
        {
            return WalkIssued(node, key, issuedBy[0].Ordinal, depth);
        }

        // One lookup finds a finished walk, a walk in progress (the key issued itself somewhere above: the data
        // loops, so the link is not made) or a free slot, which is marked in progress until the walk is done.
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_memo, key, out var seen);
        if (seen)
        {
            return ReferenceEquals(slot, InProgress) ? Cut(node, null, EvidenceWords.MissingIssuer) : slot!;
        }

        slot = InProgress;
        try
        {
            var walk = OnBehalfOf(Enrich(node, key), depth);

            // Looked up again: the walks above added keys, which may have moved the table.
            _memo[key] = walk;
            return walk;
        }
        catch
        {
            _memo.Remove(key);
            throw;
        }
    }

    /// <summary>The memo of <see cref="WalkNode"/> for a key issued by exactly one call, held per issuance.</summary>
    private ChainWalk WalkIssued(PrincipalNode node, string key, int issuance, int depth)
    {
        var known = _walkByIssuance[issuance];
        if (known is not null)
        {
            return ReferenceEquals(known, InProgress) ? Cut(node, null, EvidenceWords.MissingIssuer) : known;
        }

        _walkByIssuance[issuance] = InProgress;
        try
        {
            var walk = OnBehalfOf(Enrich(node, key), depth);
            _walkByIssuance[issuance] = walk;
            return walk;
        }
        catch
        {
            _walkByIssuance[issuance] = null;
            throw;
        }
    }

    /// <summary>
    /// onBehalfOf names the Identity Center user an identity-enhanced session acts for; by the conventions that
    /// person is the identity even when the application's own issuer is found.
    /// (https://docs.aws.amazon.com/singlesignon/latest/userguide/trustedidentitypropagation-identity-enhanced-iam-role-sessions.html)
    /// </summary>
    private ChainWalk OnBehalfOf(PrincipalNode node, int depth)
    {
        var walk = Compute(node, depth);
        if (string.IsNullOrEmpty(node.OnBehalfOfUserId) || walk.Root?.Source == IdentitySources.IdentityCenter)
        {
            return walk;
        }

        var top = walk.Hops[^1];
        var name = IdentityCenterRoles.IsReservedRole(node.RoleArn) && node.SessionName is not null
            ? node.SessionName
            : _directory.NameOrId(node.OnBehalfOfUserId);
        return new ChainWalk(
            WalkOutcome.Root,
            new RootIdentity(name, IdentityKinds.Human, IdentitySources.IdentityCenter),
            [top with { LinkEvidence = EvidenceWords.IdentityCenter }]);
    }

    private ChainWalk Compute(PrincipalNode node, int depth)
    {
        if (IsIamUser(node))
        {
            return IamUser(node);
        }

        if (node.Type == "AWSAccount")
        {
            return AccountOnly(node);
        }

        if (depth >= _maxDepth)
        {
            return Cut(node, null, EvidenceWords.MissingIssuer);
        }

        var match = _lookup.Find(node);
        if (match.Found)
        {
            return FromIssuance(node, match, depth);
        }

        if (match.Ambiguous)
        {
            return Cut(node, null, match.Evidence);
        }

        return WithoutIssuer(node);
    }

    private ChainWalk FromIssuance(PrincipalNode node, IssuerMatch match, int depth)
    {
        var issuance = match.Issuance!;
        var hop = Hop(node, issuance, match.Evidence);
        if (FederationRoots.Classify(issuance, node, _directory) is { } root)
        {
            return new ChainWalk(WalkOutcome.Root, root, [hop]);
        }

        var parent = PrincipalNode.CallerOf(issuance);
        if (!parent.HasAnything)
        {
            return new ChainWalk(WalkOutcome.Cut, null, [hop with { LinkEvidence = EvidenceWords.MissingIssuer }]);
        }

        var above = WalkNode(parent, depth + 1);
        return Extend(above, issuance, hop);
    }

    /// <summary>Appends a hop under a parent's walk; the parent's hop shows the issuing call it made for this one.</summary>
    private static ChainWalk Extend(ChainWalk above, CredentialIssuance issuance, ChainHop hop)
    {
        var parentHops = above.Hops;
        var hops = new ChainHop[parentHops.Count + 1];
        for (var i = 0; i < parentHops.Count; i++)
        {
            hops[i] = parentHops[i];
        }

        if (parentHops.Count > 0)
        {
            // A parent first walked from this very call already shows it; only a shared parent needs a copy.
            var e = issuance.Primary;
            var top = hops[^2];
            if (top.ActedAt != e.EventTime || !string.Equals(top.SourceIp, e.SourceIp, StringComparison.Ordinal)
                || !string.Equals(top.UserAgent, e.UserAgent, StringComparison.Ordinal))
            {
                hops[^2] = top with { ActedAt = e.EventTime, SourceIp = e.SourceIp, UserAgent = e.UserAgent };
            }
        }

        hops[^1] = hop;
        return above with { Hops = hops };
    }

    // Fill what a caller description lacks (e.g. creationDate) from the same key's Bedrock session.
    private PrincipalNode Enrich(PrincipalNode node, string key)
    {
        if (!_sessionNodes.TryGetValue(key, out var seen) || ReferenceEquals(seen, node))
        {
            return node;
        }

        return node with
        {
            Type = node.Type ?? seen.Type,
            Arn = node.Arn ?? seen.Arn,
            PrincipalId = node.PrincipalId ?? seen.PrincipalId,
            AccountId = node.AccountId ?? seen.AccountId,
            SessionIssuerArn = node.SessionIssuerArn ?? seen.SessionIssuerArn,
            SessionName = node.SessionName ?? seen.SessionName,
            SessionCreated = node.SessionCreated ?? seen.SessionCreated,
            SourceIdentity = node.SourceIdentity ?? seen.SourceIdentity,
            OnBehalfOfUserId = node.OnBehalfOfUserId ?? seen.OnBehalfOfUserId,
        };
    }

    private static bool IsIamUser(PrincipalNode node) =>
        node.Type == "IAMUser" || (string.IsNullOrEmpty(node.Type) && Arns.IsIamUser(node.Arn));

    internal static ChainHop Hop(PrincipalNode node, CredentialIssuance? issuance, string evidence) => new()
    {
        Label = node.Label,
        PrincipalType = node.Type,
        Arn = node.Arn,
        RoleArn = node.RoleArn,
        AccountId = node.AccountId,
        SessionName = node.SessionName,
        AccessKeyId = node.AccessKeyId,
        SourceIdentity = node.SourceIdentity ?? issuance?.SourceIdentity,
        ActedAt = node.ActedAt,
        SourceIp = node.SourceIp,
        UserAgent = node.UserAgent,
        IssuingEventId = issuance?.EventId,
        IssuingEventName = issuance?.EventName,
        IssuedAt = issuance?.EventTime,
        IssuingRecordedIn = issuance?.RecordedIn ?? [],
        LinkEvidence = evidence,
    };

    private static ChainWalk Cut(PrincipalNode node, CredentialIssuance? issuance, string evidence) =>
        new(WalkOutcome.Cut, null, [Hop(node, issuance, evidence)]);
}
