namespace BedrockTrail.Query.Output;

/// <summary>A rendered chart to embed in an HTML report: a title and the PNG bytes (inlined as base64, no outside files).</summary>
public sealed record ChartImage(string Title, byte[] Png);
