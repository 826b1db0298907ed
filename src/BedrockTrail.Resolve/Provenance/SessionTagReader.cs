using System.Text.Json;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// Reads session tags from the JSON text the lake keeps: an object of key/value, a list of <c>{key, value}</c>, or
/// either nested one level (requestParameters shapes vary). Malformed text gives no tags, never an error.
/// </summary>
internal static class SessionTagReader
{
    public static IReadOnlyDictionary<string, string> Read(string? json)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json))
        {
            return tags;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            Collect(doc.RootElement, tags, depth: 0);
        }
        catch (JsonException)
        {
            // Bad tag text is one record's problem; the chain still resolves by other evidence.
        }

        return tags;
    }

    private static void Collect(JsonElement element, Dictionary<string, string> tags, int depth)
    {
        if (depth > 3)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && TryString(item, "key", out var key) && TryString(item, "value", out var value))
                {
                    tags.TryAdd(key, value);
                }
                else
                {
                    Collect(item, tags, depth + 1);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    tags.TryAdd(property.Name, property.Value.GetString() ?? string.Empty);
                }
                else
                {
                    Collect(property.Value, tags, depth + 1);
                }
            }
        }
    }

    private static bool TryString(JsonElement obj, string name, out string value)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                value = property.Value.GetString() ?? string.Empty;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }
}
