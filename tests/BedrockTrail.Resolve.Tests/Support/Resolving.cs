using BedrockTrail.Lake;
using BedrockTrail.Resolve.Provenance;

namespace BedrockTrail.Resolve.Tests.Support;

/// <summary>
/// Runs the real resolver over rows and finds a session's row. Every case is also resolved without hops (as bulk
/// resolution does) and must give the very same rows.
/// </summary>
internal static class Resolving
{
    public static IReadOnlyList<SessionResolution> All(IEnumerable<BedrockCall> calls, IEnumerable<CredentialEvent> events, ResolverOptions? options = null)
    {
        var callList = calls.ToList();
        var eventList = events.ToList();
        var full = ProvenanceResolver.Resolve(callList, eventList, (options ?? ResolverOptions.Default) with { BuildHops = true });
        var rowsOnly = ProvenanceResolver.Resolve(callList, eventList, (options ?? ResolverOptions.Default) with { BuildHops = false });
        Assert.Equal(full.Select(r => RowText.Of(r.Row)), rowsOnly.Select(r => RowText.Of(r.Row)));
        Assert.All(rowsOnly, r => Assert.Empty(r.Hops));
        return options is { BuildHops: false } ? rowsOnly : full;
    }

    public static IdentityRow Row(IReadOnlyList<SessionResolution> results, string sessionKey) =>
        results.Single(r => r.Row.SessionKey == sessionKey).Row;

    public static IdentityRow One(BedrockCall call, params CredentialEvent[] events) => Row(All([call], events), call.SessionKey);
}
