using System.Net;
using System.Text.Json;

namespace BedrockTrail.Governance.Policies;

/// <summary>
/// A policy document as a JSON object. The AWS CLI prints policies as JSON objects; the raw API returns them as
/// URL-encoded strings (RFC 3986, https://docs.aws.amazon.com/IAM/latest/APIReference/API_PolicyVersion.html).
/// </summary>
internal static class PolicyJson
{
    public static (JsonElement? Policy, string? Problem) Decode(JsonElement document)
    {
        switch (document.ValueKind)
        {
            case JsonValueKind.Object:
                return (document, null);
            case JsonValueKind.String:
                var text = document.GetString() ?? string.Empty;
                var decoded = text.TrimStart().StartsWith('{') ? text : WebUtility.UrlDecode(text);
                try
                {
                    using var parsed = JsonDocument.Parse(decoded);
                    return parsed.RootElement.ValueKind == JsonValueKind.Object
                        ? (parsed.RootElement.Clone(), null)
                        : (null, "policy document is not a JSON object");
                }
                catch (JsonException e)
                {
                    return (null, "policy document is not JSON after URL-decoding: " + e.Message);
                }

            default:
                return (null, $"policy document is a {document.ValueKind}, not an object or URL-encoded string");
        }
    }
}
