using BedrockTrail.Resolve.Credentials;
using BedrockTrail.Resolve.Provenance;
using BedrockTrail.Resolve.Sessions;
using BedrockTrail.Resolve.Tests.Support;

namespace BedrockTrail.Resolve.Tests.Provenance;

public sealed class KeyLinksTests
{
    private const string Dev = "111111111111";

    [Fact]
    public void Build_HubSessionWithTwoChildren_RemembersOnlyTheHubsWalk()
    {
        // Given an IAM user's hub session that assumed two roles, each used by one Bedrock session
        var hub = Some.AssumeRole("ASIAHUB0000000000001", Dev, "Hub", "hub", Some.At(0), Caller.IamUser(Dev, "alice", "AKIAALICE00000000001"));
        var a = Some.AssumeRole("ASIACHILDA0000000001", Dev, "A", "a", Some.At(1), Caller.Role(Dev, "Hub", "hub", "ASIAHUB0000000000001", Some.At(0)));
        var b = Some.AssumeRole("ASIACHILDB0000000001", Dev, "B", "b", Some.At(2), Caller.Role(Dev, "Hub", "hub", "ASIAHUB0000000000001", Some.At(0)));
        var index = CredentialIndex.Build([hub, a, b]);
        var sessions = ObservedSession.Aggregate([
            Some.RoleCall("ASIACHILDA0000000001", Dev, "A", "a", Some.At(1)),
            Some.RoleCall("ASIACHILDB0000000001", Dev, "B", "b", Some.At(2)),
        ]);

        // When
        var links = KeyLinks.Build([.. sessions], index);

        // Then the sessions and callers point at their issuers, and only the hub (asked for twice) has a memo slot
        var (hubAt, aAt, bAt) = (Ordinal(index, hub.EventId), Ordinal(index, a.EventId), Ordinal(index, b.EventId));
        Assert.Equal([aAt, bAt], links.SessionIssuance);
        Assert.Equal(hubAt, links.CallerIssuance[aAt]);
        Assert.Equal(hubAt, links.CallerIssuance[bAt]);
        Assert.Equal(KeyLinks.NoIssuer, links.CallerIssuance[hubAt]);
        Assert.Same(sessions[0], links.SessionOf[aAt]);
        Assert.Null(links.SessionOf[hubAt]);
        Assert.Equal(1, links.MemoSlots);
        Assert.Equal(0, links.MemoSlot[hubAt]);
        Assert.Equal(KeyLinks.NotRemembered, links.MemoSlot[aAt]);
        Assert.Equal(KeyLinks.NotRemembered, links.MemoSlot[bAt]);
    }

    [Fact]
    public void Build_ParentOfAnUnclaimedIssuance_IsRememberedEvenWithOneChild()
    {
        // Given a parent session whose one child's key nobody uses (the console fallback may then reach the child's
        // issuing call from any number of sessions, so the parent's walk can be asked for more than once)
        var parent = Some.AssumeRole("ASIAPARENT0000000001", Dev, "Parent", "p", Some.At(0), Caller.IamUser(Dev, "bob", "AKIABOB0000000000001"));
        var child = Some.AssumeRole("ASIACHILD00000000001", Dev, "Child", "c", Some.At(1), Caller.Role(Dev, "Parent", "p", "ASIAPARENT0000000001", Some.At(0)));
        var index = CredentialIndex.Build([parent, child]);

        // When
        var links = KeyLinks.Build([], index);

        // Then
        Assert.Equal(0, links.MemoSlot[Ordinal(index, parent.EventId)]);
        Assert.Equal(KeyLinks.NotRemembered, links.MemoSlot[Ordinal(index, child.EventId)]);
    }

    [Fact]
    public void Build_KeysNoCallOrTwoCallsIssued_AreToldApart()
    {
        // Given a session on an IAM user's key (no call issued it) and one on a key two calls claim
        var first = Some.AssumeRole("ASIATWICE00000000001", Dev, "R", "s", Some.At(0), Caller.IamUser(Dev, "bob", "AKIABOB0000000000001"));
        var second = Some.AssumeRole("ASIATWICE00000000001", Dev, "R", "s", Some.At(1), Caller.IamUser(Dev, "bob", "AKIABOB0000000000001"));
        var index = CredentialIndex.Build([first, second]);
        var sessions = ObservedSession.Aggregate([
            Some.UserCall("AKIABOB0000000000001", Dev, "bob", Some.At(2)),
            Some.RoleCall("ASIATWICE00000000001", Dev, "R", "s", Some.At(1)),
        ]);

        // When
        var links = KeyLinks.Build([.. sessions], index);

        // Then the walker skips the key table for the first and asks it for the second (and for the callers' key)
        Assert.Equal(
            sessions.Select(s => s.AccessKeyId == "AKIABOB0000000000001" ? KeyLinks.NoIssuer : KeyLinks.NoSingleIssuer),
            links.SessionIssuance);
        Assert.Equal([KeyLinks.NoIssuer, KeyLinks.NoIssuer], links.CallerIssuance);
    }

    private static int Ordinal(CredentialIndex index, string eventId) => index.Issuances.Single(i => i.EventId == eventId).Ordinal;
}
