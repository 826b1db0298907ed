using System.Globalization;
using System.Text.Json;

namespace BedrockTrail.Normalise.Json;

/// <summary>
/// Lenient field access for real CloudTrail: any field may be missing, null, or of an unexpected type (Panther writes
/// booleans and numbers as strings; truncated <c>requestParameters</c> become strings). A field that is not there in a
/// usable form reads as null, never as an exception.
/// </summary>
internal static class JsonFields
{
    /// <summary>The object-valued property <paramref name="name"/>, or an undefined element.</summary>
    public static JsonElement Obj(this JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : default;

    /// <summary>
    /// The property <paramref name="name"/> whatever its kind, or an undefined element. Names are UTF-8 literals
    /// (<c>"eventSource"u8</c>): a name given as text is converted to UTF-8 on every lookup, millions of times a run.
    /// </summary>
    public static JsonElement Any(this JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>A property whose name is only known at run time (an event's name as a key).</summary>
    public static JsonElement Any(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>A text field; numbers and booleans read as their JSON text; empty text reads as null.</summary>
    public static string? Str(this JsonElement element, ReadOnlySpan<byte> name) => AsString(element.Any(name));

    /// <inheritdoc cref="Str(JsonElement, ReadOnlySpan{byte})"/>
    public static string? Str(this JsonElement element, string name) => AsString(element.Any(name));

    public static string? AsString(this JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = Utf8StringCache.Current.GetString(value);
                return string.IsNullOrEmpty(text) ? null : text;
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            default:
                return null;
        }
    }

    /// <summary>A boolean, also from the text "true"/"false" in any case.</summary>
    public static bool? Bool(this JsonElement element, ReadOnlySpan<byte> name)
    {
        var value = element.Any(name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString().AsSpan().Trim(), out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>A whole number, also from its text.</summary>
    public static long? Long(this JsonElement element, ReadOnlySpan<byte> name)
    {
        var value = element.Any(name);
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.Number when value.TryGetDouble(out var real) && real is >= long.MinValue and <= long.MaxValue => (long)real,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>A timestamp in any of the forms <see cref="LenientTime"/> reads.</summary>
    public static DateTime? Time(this JsonElement element, ReadOnlySpan<byte> name) => LenientTime.Parse(element.Str(name));
}
