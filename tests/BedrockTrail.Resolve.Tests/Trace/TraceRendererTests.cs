using BedrockTrail.Resolve.Provenance;
using BedrockTrail.Resolve.Tests.Support;
using BedrockTrail.Resolve.Trace;

namespace BedrockTrail.Resolve.Tests.Trace;

public sealed class TraceRendererTests
{
    [Fact]
    public void Render_IdentityCenterSession_MatchesGolden()
    {
        // Given the real Identity Center trace (aidansteele -04/-05/-06)
        var results = ProvenanceResolver.Resolve([RealSamples.IdcSessionCall()], [RealSamples.IdcAssumeRoleWithSaml(), RealSamples.IdcGetRoleCredentials()], ResolverOptions.Default);

        // When / Then
        Golden.Verify("Trace/Golden/identity-center.txt", TraceRenderer.Render(results[0]));
    }

    [Fact]
    public void Render_CrossAccountRoleChain_MatchesGolden()
    {
        // Given alice (AKIA) -> Dev/Hop -> Prod/BedrockInvoker, the second hop logged in both accounts
        const string dev = "111111111111";
        const string prod = "222222222222";
        var e1 = Some.AssumeRole("ASIA0000000000000001", dev, "Hop", "alice", Some.At(0), Caller.IamUser(dev, "alice", "AKIA0000000000000ALI")) with { EventId = "e1", SourceIp = "203.0.113.5" };
        var callerCopy = Some.AssumeRole("ASIA0000000000000002", prod, "BedrockInvoker", "alice", Some.At(1), Caller.Role(dev, "Hop", "alice", "ASIA0000000000000001", Some.At(0)), recipient: dev, sharedEventId: "shared-2") with { EventId = "e2-dev" };
        var ownerCopy = callerCopy with { EventId = "e2-prod", AccountId = prod, CallerType = "AWSAccount", CallerArn = null, CallerAccessKeyId = null };
        var calls = new[]
        {
            Some.RoleCall("ASIA0000000000000002", prod, "BedrockInvoker", "alice", Some.At(1), Some.At(2)),
            Some.RoleCall("ASIA0000000000000002", prod, "BedrockInvoker", "alice", Some.At(1), Some.At(4)) with { ModelId = "amazon.nova-pro-v1:0" },
            Some.RoleCall("ASIA0000000000000002", prod, "BedrockInvoker", "alice", Some.At(1), Some.At(7)),
        };

        var results = ProvenanceResolver.Resolve(calls, [ownerCopy, e1, callerCopy], ResolverOptions.Default);

        Golden.Verify("Trace/Golden/cross-account-chain.txt", TraceRenderer.Render(results[0]));
    }
}
