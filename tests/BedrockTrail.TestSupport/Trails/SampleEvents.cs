using System.Text.Json.Nodes;

namespace BedrockTrail.TestSupport.Trails;

/// <summary>Loads real public CloudTrail events from fixtures/samples (see fixtures/samples/SOURCES.md).</summary>
public static class SampleEvents
{
    /// <summary>Every event in a sample file: a bare event, a JSON array, or a <c>{"Records":[...]}</c> file.</summary>
    public static IReadOnlyList<JsonNode> Load(params string[] parts)
    {
        var node = JsonNode.Parse(RepoPaths.Sample(parts))!;
        return node switch
        {
            JsonArray array => array.Select(n => n!).ToList(),
            JsonObject obj when obj["Records"] is JsonArray records => records.Select(n => n!).ToList(),
            _ => [node],
        };
    }

    /// <summary>One event, changed by the caller (a copy: the sample stays as it is).</summary>
    public static JsonNode With(JsonNode sample, Action<JsonNode> change)
    {
        var copy = sample.DeepClone();
        change(copy);
        return copy;
    }
}
