namespace BedrockTrail.Query.Pricing;

/// <summary>
/// The on-demand price of one model, in US dollars per 1,000 tokens, with where the number came from and when.
/// </summary>
public sealed record ModelPrice(string ModelId, decimal InputPer1k, decimal OutputPer1k, string Source, string AsOf);
