using BedrockTrail.Lake;
using BedrockTrail.Resolve.Credentials;
using BedrockTrail.Resolve.Provenance;
using BedrockTrail.Resolve.Sessions;
using BedrockTrail.Resolve.Tests.Support;

namespace BedrockTrail.Resolve.Tests.Credentials;

/// <summary>An index built in two parts on two threads must be the index one builder makes.</summary>
public sealed class CredentialIndexPartsTests
{
    private const string Dev = "111111111111";
    private const string Prod = "222222222222";

    [Theory]
    [InlineData(5)]
    [InlineData(611)]
    public void Build_InTwoParts_IndexesAsOnePart(int seed)
    {
        // Given random chains (copies grouped by requestID), every tenth event twice and a few failed calls
        var g = RandomChains.Generate(seed, chains: 300);
        var events = new List<CredentialEvent>(g.Events);
        events.AddRange(g.Events.Where((_, i) => i % 10 == 0));
        events.AddRange(g.Events.Take(5).Select(e => e with { EventId = e.EventId + "-failed", ErrorCode = "AccessDenied" }));

        // When
        var one = CredentialIndex.Build(events, partsFrom: int.MaxValue);
        var two = CredentialIndex.Build(events, partsFrom: 1);

        // Then the counts, accounts and every key's issuers are the same
        Assert.Equal(one.IssuanceCount, two.IssuanceCount);
        Assert.Equal((one.DuplicateCount, one.FailedCount), (two.DuplicateCount, two.FailedCount));
        Assert.Equal((g.Events.Count + 9) / 10, two.DuplicateCount);
        Assert.Equal(5, two.FailedCount);
        Assert.Equal(one.Accounts.Order(), two.Accounts.Order());
        Assert.Equal(Enumerable.Range(0, two.IssuanceCount), two.Issuances.Select(i => i.Ordinal));
        foreach (var e in g.Events)
        {
            Assert.Equal(IssuerIds(one, e.IssuedAccessKeyId!), IssuerIds(two, e.IssuedAccessKeyId!));
        }

        // And resolution over either gives the same rows
        var sessions = ObservedSession.Aggregate(g.Calls);
        Assert.Equal(Rows(sessions, one), Rows(sessions, two));
    }

    [Fact]
    public void Build_CopiesOfOneCallInDifferentParts_MergesThemIntoOneIssuance()
    {
        // Given the caller's and the owner's copy of a cross-account AssumeRole, whose event ids fall to different parts
        var callerCopy = Some.AssumeRole("ASIA0000000000000002", Prod, "Invoker", "alice", Some.At(1), Caller.Role(Dev, "Hop", "alice", "ASIA0000000000000001", Some.At(0)), recipient: Dev, sharedEventId: "shared-2") with { EventId = "copy-a" };
        var ownerCopy = callerCopy with { EventId = "copy-b", AccountId = Prod, CallerType = "AWSAccount", CallerArn = null, CallerAccessKeyId = null };
        Assert.NotEqual(IndexPart.PartOf(callerCopy.EventId, 2), IndexPart.PartOf(ownerCopy.EventId, 2));

        // When
        var index = CredentialIndex.Build([ownerCopy, callerCopy], partsFrom: 1);

        // Then one issuance, speaking with the caller's copy, recorded in both accounts
        var issuance = Assert.Single(index.Issuances);
        Assert.Same(callerCopy, issuance.Primary);
        Assert.Equal(["copy-a", "copy-b"], issuance.EventIds);
        Assert.Equal([Dev, Prod], issuance.RecordedIn);
        Assert.Same(issuance, index.ByIssuedKey("ASIA0000000000000002")[0]);
    }

    private static string[] IssuerIds(CredentialIndex index, string key)
    {
        var list = index.ByIssuedKey(key);
        return [.. Enumerable.Range(0, list.Count).Select(i => list[i].EventId).Order(StringComparer.Ordinal)];
    }

    private static string[] Rows(IReadOnlyList<ObservedSession> sessions, CredentialIndex index) =>
        [.. ProvenanceResolver.Resolve([.. sessions], index, ResolverOptions.Default with { BuildHops = false }).Select(r => RowText.Of(r.Row))];
}
