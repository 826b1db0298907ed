using BedrockTrail.Resolve.Sessions;
using BedrockTrail.Resolve.Tests.Support;

namespace BedrockTrail.Resolve.Tests.Sessions;

public sealed class ObservedSessionTests
{
    [Fact]
    public void Aggregate_CallsOfTwoSessionsOutOfOrder_OneSessionEachWithCountsAndFirstKnownFields()
    {
        // Given three calls of one session (the earliest lacks the source identity) and one of another
        var late = Some.RoleCall("ASIAAGG0000000000001", "444444444444", "R", "s", Some.At(0), Some.At(9), sourceIdentity: "ann") with { ModelId = "amazon.titan-text-express-v1" };
        var early = Some.RoleCall("ASIAAGG0000000000001", "444444444444", "R", "s", Some.At(0), Some.At(2)) with { SourceIp = "192.0.2.1" };
        var middle = Some.RoleCall("ASIAAGG0000000000001", "444444444444", "R", "s", Some.At(0), Some.At(5));
        var other = Some.UserCall("AKIAAGG000000000000", "444444444444", "bob", Some.At(1));

        // When
        var sessions = ObservedSession.Aggregate([late, other, early, middle]);

        // Then
        Assert.Equal(["AKIAAGG000000000000", "ASIAAGG0000000000001"], sessions.Select(s => s.SessionKey));
        var s = sessions[1];
        Assert.Equal(3, s.CallCount);
        Assert.Equal(Some.At(2), s.FirstSeen);
        Assert.Equal(Some.At(9), s.LastSeen);
        Assert.Equal("192.0.2.1", s.SourceIp);
        Assert.Equal("ann", s.SourceIdentity);
        Assert.Equal(2, s.ModelCounts[Some.Model]);
        Assert.Equal(1, s.ModelCounts["amazon.titan-text-express-v1"]);
    }
}
