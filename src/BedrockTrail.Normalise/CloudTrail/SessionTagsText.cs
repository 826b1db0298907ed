using System.Buffers;
using System.Text;
using System.Text.Json;
using BedrockTrail.Normalise.Json;

namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>
/// Session tags as one compact JSON object (<c>{"Email":"a@b","CostCenter":"1"}</c>), whichever way the event
/// spelled them: STS <c>tags</c> as a list of key/value pairs, web identity and SAML <c>principalTags</c> as an object
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
/// </summary>
internal static class SessionTagsText
{
    public static string? From(JsonElement requestParameters, IReadOnlyList<KeyValuePair<string, string?>>? extra = null)
    {
        var tags = new List<KeyValuePair<string, string?>>();
        var list = requestParameters.Any("tags"u8);
        if (list.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in list.EnumerateArray())
            {
                var key = tag.Str("key"u8) ?? tag.Str("Key"u8);
                if (key is not null)
                {
                    tags.Add(new(key, tag.Str("value"u8) ?? tag.Str("Value"u8)));
                }
            }
        }

        var principalTags = requestParameters.Obj("principalTags"u8);
        if (principalTags.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in principalTags.EnumerateObject())
            {
                tags.Add(new(property.Name, property.Value.AsString()));
            }
        }

        if (extra is not null)
        {
            tags.AddRange(extra.Where(tag => tag.Value is not null));
        }

        return tags.Count == 0 ? null : Write(tags);
    }

    private static string Write(List<KeyValuePair<string, string?>> tags)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in tags)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
