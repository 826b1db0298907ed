using System.Text.Json;

namespace BedrockTrail.Governance.Policies;

/// <summary>
/// Reads the statements of an IAM policy document (JSON object or URL-encoded string). A statement it cannot read is
/// reported and skipped; the others still count.
/// </summary>
internal static class PolicyDocumentReader
{
    public static PolicyRead Read(JsonElement document)
    {
        var (policy, problem) = PolicyJson.Decode(document);
        return policy is { } p ? ReadStatements(p) : PolicyRead.Failed(problem!);
    }

    private static PolicyRead ReadStatements(JsonElement policy)
    {
        if (!policy.TryGetProperty("Statement", out var statement))
        {
            return PolicyRead.Failed("policy has no Statement");
        }

        var elements = statement.ValueKind switch
        {
            JsonValueKind.Array => statement.EnumerateArray().ToList(),
            JsonValueKind.Object => [statement],
            _ => null,
        };
        if (elements is null)
        {
            return PolicyRead.Failed("Statement is neither an object nor a list");
        }

        var statements = new List<PolicyStatement>();
        var problems = new List<string>();
        for (var i = 0; i < elements.Count; i++)
        {
            var read = ReadStatement(elements[i], i);
            if (read.Statement is not null)
            {
                statements.Add(read.Statement);
            }
            else
            {
                problems.Add(read.Problem!);
            }
        }

        return new PolicyRead(statements, problems);
    }

    private static (PolicyStatement? Statement, string? Problem) ReadStatement(JsonElement element, int index)
    {
        var label = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("Sid", out var sid)
            && sid.ValueKind == JsonValueKind.String && sid.GetString() is { Length: > 0 } s ? s : "#" + index;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, $"statement {label} is not an object");
        }

        var effect = Text(element, "Effect");
        var isAllow = string.Equals(effect, "Allow", StringComparison.OrdinalIgnoreCase);
        if (!isAllow && !string.Equals(effect, "Deny", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"statement {label} has Effect '{effect}', neither Allow nor Deny");
        }

        var (actions, notAction) = Either(element, "Action", "NotAction");
        var (resources, notResource) = Either(element, "Resource", "NotResource");
        if (actions is null)
        {
            return (null, $"statement {label} has neither Action nor NotAction");
        }

        if (resources is null)
        {
            return (null, $"statement {label} has neither Resource nor NotResource");
        }

        var condition = element.TryGetProperty("Condition", out var c) && c.ValueKind == JsonValueKind.Object && c.EnumerateObject().Any();
        return (new PolicyStatement(label, isAllow, actions, notAction, resources, notResource, condition), null);
    }

    private static (IReadOnlyList<string>? Values, bool Negated) Either(JsonElement element, string name, string negatedName)
    {
        if (element.TryGetProperty(name, out var values))
        {
            return (Strings(values), false);
        }

        return element.TryGetProperty(negatedName, out var negated) ? (Strings(negated), true) : (null, false);
    }

    private static List<string>? Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList(),
        _ => null,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>The statements read from a policy, and why any statement (or the whole policy) could not be read.</summary>
internal sealed record PolicyRead(IReadOnlyList<PolicyStatement> Statements, IReadOnlyList<string> Problems)
{
    public static PolicyRead Failed(string problem) => new([], [problem]);
}
