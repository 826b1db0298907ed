using BedrockTrail.Lake;
using BedrockTrail.Resolve.Credentials;
using BedrockTrail.Resolve.Provenance;
using BedrockTrail.Resolve.Sessions;
using BedrockTrail.Resolve.Tests.Support;

namespace BedrockTrail.Resolve.Tests.Provenance;

public sealed class ProvenanceResolverPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2026)]
    public void Resolve_RandomChains_EverySessionReachesItsRootWithItsChainLength(int seed)
    {
        // Given 300 random chains with colliding role and session names and shuffled events
        var g = RandomChains.Generate(seed, chains: 300);

        // When
        var results = ProvenanceResolver.Resolve(g.Calls, g.Events, ResolverOptions.Default);

        // Then
        Assert.Equal(g.Expected.Count, results.Count);
        foreach (var result in results)
        {
            var expected = g.Expected[result.Row.SessionKey];
            var row = result.Row;
            var actual = new ExpectedIdentity(row.Identity, row.IdentityKind, row.IdentitySource ?? "null", row.Hops);
            Assert.Equal(expected, actual);
            Assert.Equal(ResolutionStatuses.Resolved, row.Status);
            Assert.Equal(row.Hops + 1, row.Chain.Count);
            Assert.Equal(row.Hops, row.LinkEvidence.Count);
        }
    }

    [Fact]
    public void Resolve_SameInputInAnotherOrder_GivesTheSameRows()
    {
        var g = RandomChains.Generate(99, chains: 100);
        var reversedEvents = Enumerable.Reverse(g.Events).ToList();
        var reversedCalls = Enumerable.Reverse(g.Calls).ToList();

        var first = ProvenanceResolver.Resolve(g.Calls, g.Events, ResolverOptions.Default).Select(r => Describe(r.Row));
        var second = ProvenanceResolver.Resolve(reversedCalls, reversedEvents, ResolverOptions.Default).Select(r => Describe(r.Row));

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(77)]
    [InlineData(4242)]
    public void Resolve_WithoutHops_GivesTheSameRowsAsWithHops(int seed)
    {
        // Given random chains (shared parents, colliding names), resolved as trace does and as bulk resolution does
        var g = RandomChains.Generate(seed, chains: 300);
        var withHops = ProvenanceResolver.Resolve(g.Calls, g.Events, ResolverOptions.Default);
        var rowsOnly = ProvenanceResolver.Resolve(g.Calls, g.Events, ResolverOptions.Default with { BuildHops = false });

        // Then the rows are identical field by field, only trace's mode carries hops, and they match the chain
        Assert.Equal(withHops.Select(r => RowText.Of(r.Row)), rowsOnly.Select(r => RowText.Of(r.Row)));
        Assert.All(rowsOnly, r => Assert.Empty(r.Hops));
        Assert.All(withHops, r => Assert.Equal(r.Row.Chain.TakeLast(r.Hops.Count), r.Hops.Select(h => h.Label)));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(5, true)]
    [InlineData(611, false)]
    public void Resolve_InSmallBatches_GivesTheSameRowsAndHopsAsOneBatch(int seed, bool buildHops)
    {
        // Given random chains with shared parents, resolved in one batch and in batches of 7 (rows built beside walks)
        var g = RandomChains.Generate(seed, chains: 300);
        var sessions = ObservedSession.Aggregate(g.Calls);
        var index = CredentialIndex.Build(g.Events);
        var options = ResolverOptions.Default with { BuildHops = buildHops };

        // When
        var oneBatch = ProvenanceResolver.Resolve([.. sessions], index, options, batchSize: int.MaxValue);
        var batches = ProvenanceResolver.Resolve([.. sessions], index, options, batchSize: 7);

        // Then every row (and, with hops, every hop) is the same, in the sessions' order
        Assert.Equal(sessions.Count, batches.Length);
        Assert.Equal(sessions.Select(s => s.SessionKey), batches.Select(r => r.Row.SessionKey));
        Assert.Equal(oneBatch.Select(r => RowText.Of(r.Row)), batches.Select(r => RowText.Of(r.Row)));
        Assert.Equal(oneBatch.Select(r => r.Hops.Count), batches.Select(r => r.Hops.Count));
        Assert.Equal(oneBatch.SelectMany(r => r.Hops), batches.SelectMany(r => r.Hops));
    }

    private static string Describe(IdentityRow row) =>
        string.Join("|", row.SessionKey, row.Identity, row.IdentityKind, row.Status, row.Evidence, string.Join(">", row.Chain));
}
