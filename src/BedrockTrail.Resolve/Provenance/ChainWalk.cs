namespace BedrockTrail.Resolve.Provenance;

/// <summary>How a walk up a chain ended.</summary>
internal enum WalkOutcome
{
    /// <summary>Reached an authoritative root (person, workload, IAM user, root user).</summary>
    Root,
    /// <summary>Left the ingested accounts; the top hop is the last known principal.</summary>
    External,
    /// <summary>A link is missing or ambiguous inside the ingested accounts.</summary>
    Cut,
}

/// <summary>
/// The result of walking one principal up to where evidence ends; shared by every session below it. A struct: the
/// memo holds one per issuance, and a million sessions' walks are then no extra objects for the GC to trace.
/// </summary>
internal readonly record struct ChainWalk(WalkOutcome Outcome, RootIdentity? Root, HopLink Last)
{
    public bool Ambiguous => EvidenceWords.IsAmbiguous(Last.Top.LinkEvidence);

    /// <summary>The full hops top-down; empty when the walk was made without them (bulk mode).</summary>
    public IReadOnlyList<ChainHop> Hops => Last.ToHops();
}
