namespace BedrockTrail.Resolve.Provenance;

/// <summary>The authoritative end of a chain: the readable identity, its kind and where it came from.</summary>
internal sealed record RootIdentity(string Identity, string Kind, string? Source)
{
    public bool BedrockApiKey { get; init; }
}
