namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>Options of <see cref="CloudTrailLogDecoder"/>; the defaults are what production wants.</summary>
public sealed record CloudTrailDecoderOptions
{
    public static CloudTrailDecoderOptions Default { get; } = new();

    /// <summary>
    /// Parse every record fully instead of first looking at its bytes for a wanted event source. Slower, and meant
    /// for tests that prove both paths keep the same rows. On this path malformed noise records are reported as
    /// record failures; the fast path skips noise without parsing it, so it cannot tell.
    /// </summary>
    public bool ParseEveryRecord { get; init; }
}
