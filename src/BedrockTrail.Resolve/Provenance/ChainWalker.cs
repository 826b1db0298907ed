using System.Runtime.InteropServices;
using BedrockTrail.Lake;
using BedrockTrail.Resolve.Credentials;
using BedrockTrail.Resolve.IdentityCenter;
using BedrockTrail.Resolve.Sessions;

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
    private readonly bool _buildHops;
    /// <summary>Marks a key whose walk has started and not finished (its hop is a different instance from every real walk's).</summary>
    private static readonly ChainWalk InProgress = new(WalkOutcome.Cut, null, HopLink.Light("in-progress", null, null, null, null, EvidenceWords.MissingIssuer));

    private readonly Dictionary<string, ChainWalk> _memo;
    /// <summary>Walks by memo slot (<see cref="KeyLinks.MemoSlot"/>); default (no hops) = not walked yet.</summary>
    private readonly ChainWalk[] _walkByIssuance;
    private readonly KeyLinks _links;

    public ChainWalker(IssuerLookup lookup, IReadOnlySet<string> ingested, KeyLinks links, ResolverOptions options)
    {
        // Keys one call issued are remembered per issuance (only those asked for more than once have a slot); the
        // table holds the rest (IAM users' keys, sessions whose issuer was not ingested, keys two calls claim).
        _walkByIssuance = new ChainWalk[links.MemoSlots];
        _links = links;
        _memo = new Dictionary<string, ChainWalk>(StringComparer.Ordinal);
        _lookup = lookup;
        _ingested = ingested;
        _directory = options.Directory;
        _maxDepth = options.MaxDepth;
        _buildHops = options.BuildHops;
    }

    /// <summary>The session being walked: its own node needs no enriching from itself.</summary>
    private ObservedSession? _walking;

    /// <summary>Walks a session; <paramref name="issuance"/> is its key's one issuance (<see cref="KeyLinks.SessionIssuance"/>).</summary>
    public ChainWalk Walk(ObservedSession session, int issuance)
    {
        // The node is made here and dropped after the walk: only the hops it yields are kept.
        _walking = session;
        var node = PrincipalNode.From(session);
        return issuance >= 0 ? WalkIssued(node, node.AccessKeyId!, issuance, depth: 0)
            : issuance == KeyLinks.NoIssuer ? WalkUnissued(node, node.AccessKeyId!, depth: 0)
            : WalkNode(node, depth: 0);
    }

    private static bool IsInProgress(ChainWalk walk) => ReferenceEquals(walk.Last, InProgress.Last);

    private ChainWalk WalkNode(in PrincipalNode node, int depth)
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

        return WalkInMemo(node, key, depth);
    }

    /// <summary><see cref="WalkNode"/> for a key known (from the key links) to be issued by no call: no key table lookup.</summary>
    private ChainWalk WalkUnissued(in PrincipalNode node, string key, int depth)
    {
        _lookup.RememberNone(key);
        return WalkInMemo(node, key, depth);
    }

    /// <summary>The memo of <see cref="WalkNode"/> for a key not issued by exactly one call, held in a table by key.</summary>
    private ChainWalk WalkInMemo(in PrincipalNode node, string key, int depth)
    {
        // One lookup finds a finished walk, a walk in progress (the key issued itself somewhere above: the data
        // loops, so the link is not made) or a free slot, which is marked in progress until the walk is done.
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_memo, key, out var seen);
        if (seen)
        {
            return IsInProgress(slot) ? CutInCycle(node) : slot;
        }

        slot = InProgress;
        var enclosing = Open(KeyLinks.NotRemembered, key);
        try
        {
            var walk = OnBehalfOf(Enrich(node, key, depth), depth);

            // Looked up again: the walks above added keys, which may have moved the table.
            _memo[key] = walk;
            return walk;
        }
        catch
        {
            _memo.Remove(key);
            throw;
        }
        finally
        {
            _open = enclosing;
        }
    }

    /// <summary>The memo of <see cref="WalkNode"/> for a key issued by exactly one call, held per issuance.</summary>
    private ChainWalk WalkIssued(in PrincipalNode node, string key, int issuance, int depth)
    {
        // The issuer is known: the lookup that follows need not ask the key table.
        _lookup.Remember(key, issuance);
        var slot = _links.MemoSlot[issuance];
        if (slot == KeyLinks.NotRemembered)
        {
            // Asked for once: nothing to remember, and no cycle can come back to it (see KeyLinks.MemoSlot).
            return OnBehalfOf(Enrich(node, _links.SessionOf[issuance], depth), depth);
        }

        var known = _walkByIssuance[slot];
        if (known.Last is not null)
        {
            return IsInProgress(known) ? CutInCycle(node) : known;
        }

        _walkByIssuance[slot] = InProgress;
        var enclosing = Open(slot, null);
        try
        {
            var walk = OnBehalfOf(Enrich(node, _links.SessionOf[issuance], depth), depth);
            _walkByIssuance[slot] = walk;
            return walk;
        }
        catch
        {
            _walkByIssuance[slot] = default;
            throw;
        }
        finally
        {
            _open = enclosing;
        }
    }

    /// <summary>
    /// onBehalfOf names the Identity Center user an identity-enhanced session acts for; by the conventions that
    /// person is the identity even when the application's own issuer is found.
    /// (https://docs.aws.amazon.com/singlesignon/latest/userguide/trustedidentitypropagation-identity-enhanced-iam-role-sessions.html)
    /// </summary>
    private ChainWalk OnBehalfOf(in PrincipalNode node, int depth)
    {
        var walk = Compute(node, depth);
        if (string.IsNullOrEmpty(node.OnBehalfOfUserId) || walk.Root?.Source == IdentitySources.IdentityCenter)
        {
            return walk;
        }

        var name = IdentityCenterRoles.IsReservedRole(node.RoleArn) && node.SessionName is not null
            ? node.SessionName
            : _directory.NameOrId(node.OnBehalfOfUserId);
        return new ChainWalk(
            WalkOutcome.Root,
            new RootIdentity(name, IdentityKinds.Human, IdentitySources.IdentityCenter),
            walk.Last.With(above: null, EvidenceWords.IdentityCenter));
    }

    private ChainWalk Compute(in PrincipalNode node, int depth)
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
            // Where this cut falls depends on how deep the walk began: a remembered walk is then not the key's own.
            CutByContext = true;
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

    private ChainWalk FromIssuance(in PrincipalNode node, IssuerMatch match, int depth)
    {
        var issuance = match.Issuance!;
        if (FederationRoots.Classify(issuance, node, _directory) is { } root)
        {
            return new ChainWalk(WalkOutcome.Root, root, Link(node, issuance, match.Evidence));
        }

        var parent = PrincipalNode.CallerOf(issuance);
        if (!parent.HasAnything)
        {
            return new ChainWalk(WalkOutcome.Cut, null, Link(node, issuance, EvidenceWords.MissingIssuer));
        }

        var callerIssuance = _links.CallerIssuance[issuance.Ordinal];
        var above = callerIssuance >= 0 ? WalkIssued(parent, parent.AccessKeyId!, callerIssuance, depth + 1)
            : callerIssuance == KeyLinks.NoIssuer ? WalkUnissued(parent, parent.AccessKeyId!, depth + 1)
            : WalkNode(parent, depth + 1);
        return new ChainWalk(above.Outcome, above.Root, Link(node, issuance, match.Evidence, above: ParentLink(above, issuance)));
    }

    /// <summary>
    /// The parent's hop as this chain shows it: with the issuing call it made for this hop. A parent first walked
    /// from this very call already shows it; only a shared parent needs a copy (and only trace shows those fields).
    /// </summary>
    private static HopLink ParentLink(ChainWalk above, CredentialIssuance issuance)
    {
        var parent = above.Last;
        if (parent.Full is not { } top)
        {
            return parent;
        }

        var e = issuance.Primary;
        if (top.ActedAt != e.EventTime || !string.Equals(top.SourceIp, e.SourceIp, StringComparison.Ordinal)
            || !string.Equals(top.UserAgent, e.UserAgent, StringComparison.Ordinal))
        {
            return parent.WithFull(top with { ActedAt = e.EventTime, SourceIp = e.SourceIp, UserAgent = e.UserAgent });
        }

        return parent;
    }

    /// <summary>
    /// Fills what a caller description lacks (e.g. creationDate) from the same key's Bedrock session, for a key with
    /// no single issuer (the walker's table path).
    /// </summary>
    private PrincipalNode Enrich(in PrincipalNode node, string key, int depth) =>
        Enrich(node, _links.SessionUsingUnissued(key), depth);

    /// <summary>Enriches from the first session using the node's key (null: none does), found by the key links.</summary>
    private PrincipalNode Enrich(in PrincipalNode node, ObservedSession? session, int depth)
    {
        // Depth 0 is the walked session's own node; above it are callers of issuing calls, never a session's node.
        if (session is null || (depth == 0 && ReferenceEquals(session, _walking)))
        {
            return node;
        }

        var seen = PrincipalNode.From(session);
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

    private static bool IsIamUser(in PrincipalNode node) =>
        node.Type == "IAMUser" || (string.IsNullOrEmpty(node.Type) && Arns.IsIamUser(node.Arn));

    internal static ChainHop Hop(in PrincipalNode node, CredentialIssuance? issuance, string evidence) => new()
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

    /// <summary>A hop linked under <paramref name="above"/>: the full hop in trace mode, only what rows read otherwise.</summary>
    private HopLink Link(in PrincipalNode node, CredentialIssuance? issuance, string evidence, string? label = null, HopLink? above = null)
    {
        if (_buildHops)
        {
            var hop = Hop(node, issuance, evidence);
            return HopLink.From(label is null ? hop : hop with { Label = label }, node.SessionIssuerArn, keepFull: true, above);
        }

        return HopLink.Light(label ?? node.Label, node.Arn, node.SessionIssuerArn, node.AccountId, node.SourceIdentity ?? issuance?.SourceIdentity, evidence, above);
    }

    private ChainWalk Cut(in PrincipalNode node, CredentialIssuance? issuance, string evidence) =>
        new(WalkOutcome.Cut, null, Link(node, issuance, evidence));
}
