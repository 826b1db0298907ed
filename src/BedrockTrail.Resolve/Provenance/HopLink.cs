namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// One hop of a walk, linked to the hop above it. Sessions under the same parent share the parent's links instead of
/// copying its hops, and bulk resolution keeps only what the identities row reads (the full <see cref="ChainHop"/>
/// is built only when <see cref="ResolverOptions.BuildHops"/> asks for it, i.e. for <c>trace</c>).
/// </summary>
internal sealed class HopLink
{
    private HopLink(string label, string? arn, string? sessionIssuerArn, string? accountId, string? sourceIdentity, string linkEvidence, ChainHop? full, HopLink? above)
    {
        Label = label;
        Arn = arn;
        SessionIssuerArn = sessionIssuerArn;
        AccountId = accountId;
        SourceIdentity = sourceIdentity;
        LinkEvidence = linkEvidence;
        Full = full;
        Above = above;
    }

    public string Label { get; }
    public string? Arn { get; }
    public string? SessionIssuerArn { get; }

    /// <summary>
    /// The role behind the hop, read when a row needs it (only unresolved rows do): reading it from every hop's ARN
    /// was a parse per hop for a value almost never used.
    /// </summary>
    public string? RoleArn => PrincipalNode.RoleOf(SessionIssuerArn, Arn);
    public string? AccountId { get; }
    public string? SourceIdentity { get; }
    public string LinkEvidence { get; }

    /// <summary>The hop as <c>trace</c> shows it; null in bulk mode.</summary>
    public ChainHop? Full { get; }

    /// <summary>The hop above (toward the root); null for the top hop.</summary>
    public HopLink? Above { get; }

    /// <summary>The top hop of this chain (this one when there is none above); chains are a handful of hops.</summary>
    public HopLink Top
    {
        get
        {
            var link = this;
            while (link.Above is { } above)
            {
                link = above;
            }

            return link;
        }
    }

    /// <summary>Hops from the top down to this one, inclusive (counted, not stored: a million links kept small).</summary>
    public int Count
    {
        get
        {
            var count = 0;
            for (var link = this; link is not null; link = link.Above)
            {
                count++;
            }

            return count;
        }
    }

    public static HopLink From(ChainHop hop, string? sessionIssuerArn, bool keepFull, HopLink? above = null) =>
        new(hop.Label, hop.Arn, sessionIssuerArn, hop.AccountId, hop.SourceIdentity, hop.LinkEvidence, keepFull ? hop : null, above);

    public static HopLink Light(string label, string? arn, string? sessionIssuerArn, string? accountId, string? sourceIdentity, string linkEvidence, HopLink? above = null) =>
        new(label, arn, sessionIssuerArn, accountId, sourceIdentity, linkEvidence, null, above);

    /// <summary>The same hop under another chain position or with another word.</summary>
    public HopLink With(HopLink? above, string? linkEvidence = null) =>
        new(Label, Arn, SessionIssuerArn, AccountId, SourceIdentity, linkEvidence ?? LinkEvidence, linkEvidence is null || Full is null ? Full : Full with { LinkEvidence = linkEvidence }, above);

    /// <summary>The same hop with the full detail replaced (trace mode only).</summary>
    public HopLink WithFull(ChainHop full) => new(Label, Arn, SessionIssuerArn, AccountId, SourceIdentity, LinkEvidence, full, Above);

    /// <summary>The full hops top-down (empty in bulk mode).</summary>
    public IReadOnlyList<ChainHop> ToHops()
    {
        if (Full is null)
        {
            return [];
        }

        var count = Count;
        var hops = new ChainHop[count];
        for (var (link, i) = (this, count - 1); link is not null; link = link.Above, i--)
        {
            hops[i] = link.Full!;
        }

        return hops;
    }
}
