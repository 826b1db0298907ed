using BedrockTrail.Lake;
using BedrockTrail.Resolve.Credentials;
using BedrockTrail.Resolve.Provenance;
using BedrockTrail.Resolve.Sessions;
using BedrockTrail.Resolve.Tests.Support;

namespace BedrockTrail.Resolve.Tests.Provenance;

/// <summary>Bulk resolution in two halves on two threads must give the rows of one walker going through all sessions.</summary>
public sealed class ProvenanceResolverHalvesTests
{
    private const string Dev = "111111111111";
    private const string Prod = "222222222222";

    [Theory]
    [InlineData(5)]
    [InlineData(611)]
    [InlineData(2026)]
    public void Resolve_RandomChainsInTwoHalves_GivesTheRowsOfOneWalker(int seed)
    {
        // Given random chains with shared parents and colliding names
        var g = RandomChains.Generate(seed, chains: 300);

        // When / Then
        AssertHalvesAsOneWalker(g.Calls, g.Events);
    }

    [Fact]
    public void Resolve_CycleAcrossTheHalves_GivesTheRowsOfOneWalker()
    {
        // Given A issued by B and B by A, a session on A in the first half and one on B in the second: one walker
        // reuses B's walk made inside A's (cut at A), a walker starting at B would cut at B one hop higher
        var a = Some.AssumeRole("ASIACYCLE00000000A", Prod, "RoleA", "a", Some.At(1), Caller.Role(Prod, "RoleB", "b", "ASIACYCLE00000000B", Some.At(0)));
        var b = Some.AssumeRole("ASIACYCLE00000000B", Prod, "RoleB", "b", Some.At(0), Caller.Role(Prod, "RoleA", "a", "ASIACYCLE00000000A", Some.At(1)));
        BedrockCall[] calls = [Some.RoleCall("ASIACYCLE00000000A", Prod, "RoleA", "a", Some.At(1)), Some.RoleCall("ASIACYCLE00000000B", Prod, "RoleB", "b", Some.At(0))];

        // When / Then
        var rows = AssertHalvesAsOneWalker(calls, [a, b]);
        Assert.Equal([4, 3], rows.Select(r => r.Chain.Count));
    }

    [Fact]
    public void Resolve_SharedParentSeenDifferentlyInEachHalf_GivesTheRowsOfOneWalker()
    {
        // Given parent session P (a Bedrock session of its own, first half) whose key also called AssumeRole for X
        // (second half), where that call's record names P under another session name
        var p = Some.AssumeRole("ASIASHARED0000000P", Dev, "RoleP", "p", Some.At(0), Caller.IamUser(Dev, "alice", "AKIASHARED00000ALICE"));
        var x = Some.AssumeRole("ASIASHARED0000000X", Prod, "RoleX", "x", Some.At(2), Caller.Role(Dev, "RoleP", "renamed", "ASIASHARED0000000P", Some.At(0)));
        BedrockCall[] calls = [Some.RoleCall("ASIASHARED0000000P", Dev, "RoleP", "p", Some.At(0)), Some.RoleCall("ASIASHARED0000000X", Prod, "RoleX", "x", Some.At(2))];

        // When / Then: X's chain shows P as one walker first saw it (P's own session), not as X's issuing call named it
        var rows = AssertHalvesAsOneWalker(calls, [x, p]);
        Assert.Equal(Some.SessionArn(Dev, "RoleP", "p"), rows[1].Chain[1]);
    }

    [Fact]
    public void Resolve_DeepChainCutByTheDepthLimitInTwoHalves_GivesTheRowsOfOneWalker()
    {
        // Given a 120-hop chain with sessions at its bottom and in its middle, and a depth limit of 64
        var events = new List<CredentialEvent> { Some.AssumeRole("ASIADEEP000000000000", Prod, "R", "s0", Some.At(0), Caller.IamUser(Prod, "deep", "AKIADEEP00000000000")) };
        for (var i = 1; i < 120; i++)
        {
            events.Add(Some.AssumeRole($"ASIADEEP{i:D12}", Prod, "R", $"s{i}", Some.At(0, i), Caller.Role(Prod, "R", $"s{i - 1}", $"ASIADEEP{i - 1:D12}", Some.At(0, i - 1))));
        }

        BedrockCall[] calls = [Some.RoleCall("ASIADEEP000000000060", Prod, "R", "s60", Some.At(0, 60)), Some.RoleCall("ASIADEEP000000000119", Prod, "R", "s119", Some.At(0, 119))];

        // When / Then
        var rows = AssertHalvesAsOneWalker(calls, events, new ResolverOptions { MaxDepth = 64, BuildHops = false });
        Assert.Equal([62, 121], rows.Select(r => r.Chain.Count));
    }

    [Fact]
    public void CanFollow_ChainsUpToSharedIamUsers_KeepsTheSecondHalfsWalks()
    {
        // Given 20 two-hop chains from 3 IAM users, in two halves walked by their own walkers
        var events = new List<CredentialEvent>();
        var calls = new List<BedrockCall>();
        for (var i = 0; i < 20; i++)
        {
            var user = $"user{i % 3}";
            var userKey = $"AKIAUSER{i % 3:D12}";
            events.Add(Some.AssumeRole($"ASIAHOP1{i:D12}", Dev, "Hop", $"s{i}", Some.At(0), Caller.IamUser(Dev, user, userKey)));
            events.Add(Some.AssumeRole($"ASIAHOP2{i:D12}", Prod, "Invoker", $"s{i}", Some.At(1), Caller.Role(Dev, "Hop", $"s{i}", $"ASIAHOP1{i:D12}", Some.At(0))));
            calls.Add(Some.RoleCall($"ASIAHOP2{i:D12}", Prod, "Invoker", $"s{i}", Some.At(1)));
        }

        var (first, second) = WalkInHalves(calls, events);

        // Then the second walker's walks are the ones one walker would have reused or made: no second pass
        Assert.False(second.CutByContext);
        Assert.True(second.CanFollow(first));
    }

    [Fact]
    public void CanFollow_CycleAcrossTheHalves_AsksForTheSecondPass()
    {
        var a = Some.AssumeRole("ASIACYCLE00000000A", Prod, "RoleA", "a", Some.At(1), Caller.Role(Prod, "RoleB", "b", "ASIACYCLE00000000B", Some.At(0)));
        var b = Some.AssumeRole("ASIACYCLE00000000B", Prod, "RoleB", "b", Some.At(0), Caller.Role(Prod, "RoleA", "a", "ASIACYCLE00000000A", Some.At(1)));
        BedrockCall[] calls = [Some.RoleCall("ASIACYCLE00000000A", Prod, "RoleA", "a", Some.At(1)), Some.RoleCall("ASIACYCLE00000000B", Prod, "RoleB", "b", Some.At(0))];

        var (first, second) = WalkInHalves(calls, [a, b]);

        Assert.True(second.CutByContext);
        Assert.False(second.CanFollow(first));
    }

    private static (ChainWalker First, ChainWalker Second) WalkInHalves(IEnumerable<BedrockCall> calls, IEnumerable<CredentialEvent> events)
    {
        var sessions = ObservedSession.Aggregate(calls);
        var index = CredentialIndex.Build(events);
        var links = KeyLinks.Build([.. sessions], index);
        var options = ResolverOptions.Default with { BuildHops = false };
        var ingested = new HashSet<string>([Dev, Prod], StringComparer.Ordinal);
        var first = new ChainWalker(new IssuerLookup(index, links, options.ConsoleLinkTolerance), ingested, links, options);
        var second = new ChainWalker(new IssuerLookup(index, links, options.ConsoleLinkTolerance), ingested, links, options);
        second.TrackRememberedWalks();
        var half = sessions.Count / 2;
        for (var i = 0; i < sessions.Count; i++)
        {
            (i < half ? first : second).Walk(sessions[i], links.SessionIssuance[i]);
        }

        return (first, second);
    }

    private static List<IdentityRow> AssertHalvesAsOneWalker(IEnumerable<BedrockCall> calls, IEnumerable<CredentialEvent> events, ResolverOptions? options = null)
    {
        var sessions = ObservedSession.Aggregate(calls);
        var index = CredentialIndex.Build(events);
        options ??= ResolverOptions.Default with { BuildHops = false };

        var oneWalker = ProvenanceResolver.Resolve([.. sessions], index, options, batchSize: 7, halvesFrom: int.MaxValue);
        var halves = ProvenanceResolver.Resolve([.. sessions], index, options, batchSize: 7, halvesFrom: 2);

        Assert.Equal(sessions.Select(s => s.SessionKey), halves.Select(r => r.Row.SessionKey));
        Assert.Equal(oneWalker.Select(r => RowText.Of(r.Row)), halves.Select(r => RowText.Of(r.Row)));
        return [.. halves.Select(r => r.Row)];
    }
}
