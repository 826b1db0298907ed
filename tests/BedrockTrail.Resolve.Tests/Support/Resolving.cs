using BedrockTrail.Lake;
using BedrockTrail.Resolve.Provenance;

namespace BedrockTrail.Resolve.Tests.Support;

/// <summary>Runs the real resolver over rows and finds a session's row.</summary>
internal static class Resolving
{
    public static IReadOnlyList<SessionResolution> All(IEnumerable<BedrockCall> calls, IEnumerable<CredentialEvent> events, ResolverOptions? options = null) =>
        ProvenanceResolver.Resolve(calls, events, options ?? ResolverOptions.Default);

    public static IdentityRow Row(IReadOnlyList<SessionResolution> results, string sessionKey) =>
        results.Single(r => r.Row.SessionKey == sessionKey).Row;

    public static IdentityRow One(BedrockCall call, params CredentialEvent[] events) => Row(All([call], events), call.SessionKey);
}
