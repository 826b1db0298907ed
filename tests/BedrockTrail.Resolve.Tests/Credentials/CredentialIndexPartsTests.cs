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

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    public void Build_SameEventTwiceInACopyGroup_CountsItOnceWithTheRicherCaller(int partsFrom)
    {
        // Given the owner's copy of a cross-account call, then the caller's copy twice: once as the owner saw it
        // (caller only an account) and once in full, both with the caller copy's event id
        var full = Some.AssumeRole("ASIA0000000000000004", Prod, "Invoker", "bob", Some.At(1), Caller.IamUser(Dev, "bob", "AKIABOB00000000000B"), recipient: Dev, sharedEventId: "shared-4") with { EventId = "copy-c" };
        var poor = full with { CallerType = "AWSAccount", CallerArn = null, CallerAccessKeyId = null };
        var owner = poor with { EventId = "copy-d", AccountId = Prod };

        // When
        var index = CredentialIndex.Build([owner, poor, full], partsFrom);

        // Then one issuance of two copies, speaking with the full copy; the repeat is counted as a duplicate
        var issuance = Assert.Single(index.Issuances);
        Assert.Same(full, issuance.Primary);
        Assert.Equal(["copy-c", "copy-d"], issuance.EventIds.Order(StringComparer.Ordinal));
        Assert.Equal(1, index.DuplicateCount);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    public void Build_OneIdInTwoKindsOfCopyKey_KeepsTheCallsApart(int partsFrom)
    {
        // Given a call whose request id is another call's event id, and a request id under two event names
        var first = Some.AssumeRole("ASIA0000000000000005", Prod, "R", "a", Some.At(1), Caller.IamUser(Prod, "a", "AKIAA000000000000000")) with { EventId = "id-1", RequestId = null };
        var second = Some.AssumeRole("ASIA0000000000000006", Prod, "R", "b", Some.At(2), Caller.IamUser(Prod, "b", "AKIAB000000000000000")) with { EventId = "id-2", RequestId = "id-1" };
        var third = Some.AssumeRole("ASIA0000000000000007", Prod, "R", "c", Some.At(3), Caller.IamUser(Prod, "c", "AKIAC000000000000000")) with { EventId = "id-3", RequestId = "id-1", EventName = "AssumeRoleWithWebIdentity" };

        // When
        var index = CredentialIndex.Build([first, second, third], partsFrom);

        // Then three issuances, each key issued by its own call
        Assert.Equal(3, index.IssuanceCount);
        Assert.Equal(["id-1"], IssuerIds(index, "ASIA0000000000000005"));
        Assert.Equal(["id-2"], IssuerIds(index, "ASIA0000000000000006"));
        Assert.Equal(["id-3"], IssuerIds(index, "ASIA0000000000000007"));
        Assert.Equal(0, index.DuplicateCount);
    }

    private static string[] IssuerIds(CredentialIndex index, string key)
    {
        var list = index.ByIssuedKey(key);
        return [.. Enumerable.Range(0, list.Count).Select(i => list[i].EventId).Order(StringComparer.Ordinal)];
    }

    private static string[] Rows(IReadOnlyList<ObservedSession> sessions, CredentialIndex index) =>
        [.. ProvenanceResolver.Resolve([.. sessions], index, ResolverOptions.Default with { BuildHops = false }).Select(r => RowText.Of(r.Row))];
}
