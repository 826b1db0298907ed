using BedrockTrail.Lake;
using BedrockTrail.Resolve.Sessions;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>The resolved identity of one session: the lake row, the hops behind it (top-down) and the session itself.</summary>
public sealed record SessionResolution(IdentityRow Row, IReadOnlyList<ChainHop> Hops, ObservedSession Session);
