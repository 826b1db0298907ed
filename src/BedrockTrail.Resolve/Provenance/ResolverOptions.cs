using BedrockTrail.Resolve.IdentityCenter;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>Settings of <see cref="ProvenanceResolver"/>; defaults live here and nowhere else.</summary>
public sealed record ResolverOptions
{
    /// <summary>
    /// How far a session's creationDate may be from the issuing call's time when the keys differ (console and
    /// Identity Center sessions). Both are second-precision; two minutes absorbs clock and logging skew.
    /// </summary>
    public TimeSpan ConsoleLinkTolerance { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Chains deeper than this are cut (real role chains are a handful of hops; this stops absurd data).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Accounts whose trails were ingested; null = every recipient account of the calls and events given.</summary>
    public IReadOnlySet<string>? IngestedAccounts { get; init; }

    public IdentityCenterDirectory Directory { get; init; } = IdentityCenterDirectory.Empty;

    /// <summary>
    /// Whether results carry the full hops (<see cref="SessionResolution.Hops"/>) that <c>trace</c> renders. Bulk
    /// resolution only writes rows, and the hops are most of the memory a million sessions take; rows are the same
    /// either way.
    /// </summary>
    public bool BuildHops { get; init; } = true;

    public static ResolverOptions Default { get; } = new();

    /// <summary>Checks the values; a reason per problem, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ConsoleLinkTolerance < TimeSpan.Zero || ConsoleLinkTolerance > TimeSpan.FromHours(1))
        {
            problems.Add("ConsoleLinkTolerance must be between 0 and 1 hour");
        }

        if (MaxDepth is < 1 or > 1000)
        {
            problems.Add("MaxDepth must be between 1 and 1000");
        }

        return problems;
    }
}
