using System.Text.Json;
using BedrockTrail.Governance.Policies;

namespace BedrockTrail.Governance.Grants;

/// <summary>
/// Who a role's trust policy lets assume it (services, accounts, federated providers): context for a governance
/// review, since a role's grant is used by whoever can assume it.
/// </summary>
internal static class TrustPolicy
{
    public static IReadOnlyList<string> TrustedBy(JsonElement? trustPolicy)
    {
        if (trustPolicy is not { } policy)
        {
            return [];
        }

        if (PolicyJson.Decode(policy).Policy is not { } element)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("Statement", out var statements))
        {
            return [];
        }

        var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements];
        return list
            .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("Principal", out _)
                && !(s.TryGetProperty("Effect", out var e) && string.Equals(e.GetString(), "Deny", StringComparison.OrdinalIgnoreCase)))
            .SelectMany(s => Principals(s.GetProperty("Principal")))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> Principals(JsonElement principal)
    {
        if (principal.ValueKind == JsonValueKind.String)
        {
            yield return principal.GetString()!;
            yield break;
        }

        if (principal.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var kind in principal.EnumerateObject())
        {
            var values = kind.Value.ValueKind == JsonValueKind.Array ? kind.Value.EnumerateArray().ToList() : [kind.Value];
            foreach (var value in values.Where(v => v.ValueKind == JsonValueKind.String))
            {
                yield return value.GetString()!;
            }
        }
    }
}
