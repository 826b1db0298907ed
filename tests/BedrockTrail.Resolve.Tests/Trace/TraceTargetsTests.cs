using BedrockTrail.Resolve.Provenance;
using BedrockTrail.Resolve.Tests.Support;
using BedrockTrail.Resolve.Trace;

namespace BedrockTrail.Resolve.Tests.Trace;

public sealed class TraceTargetsTests
{
    private const string Acct = "555555555555";

    [Fact]
    public void Find_KeyEventIdOrArn_FindsTheSessions()
    {
        // Given two sessions of one role and session name (one ARN) and their calls
        var early = Some.RoleCall("ASIATRACE00000000001", Acct, "R", "cli-session", Some.At(0)) with { EventId = "evt-early" };
        var late = Some.RoleCall("ASIATRACE00000000002", Acct, "R", "cli-session", Some.At(30)) with { EventId = "evt-late" };
        var calls = new[] { late, early };
        var resolutions = ProvenanceResolver.Resolve(calls, [], ResolverOptions.Default);

        // When / Then
        Assert.Equal(["ASIATRACE00000000002"], TraceTargets.Find("ASIATRACE00000000002", resolutions, calls).Select(r => r.Row.SessionKey));
        Assert.Equal(["ASIATRACE00000000001"], TraceTargets.Find("evt-early", resolutions, calls).Select(r => r.Row.SessionKey));
        Assert.Equal(
            ["ASIATRACE00000000001", "ASIATRACE00000000002"],
            TraceTargets.Find(Some.SessionArn(Acct, "R", "cli-session"), resolutions, calls).Select(r => r.Row.SessionKey));
        Assert.Empty(TraceTargets.Find("nothing", resolutions, calls));
    }
}
