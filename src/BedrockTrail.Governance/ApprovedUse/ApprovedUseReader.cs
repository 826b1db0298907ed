using BedrockTrail.Governance.AuthorizationDetails;
using BedrockTrail.Governance.Policies;
using BedrockTrail.Lake;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BedrockTrail.Governance.ApprovedUse;

/// <summary>
/// Reads the approved-use policy file (YAML): a list of rules, each naming who (an identity glob, a role or user glob,
/// or both), the approved models and regions (globs; none listed means any), and the documented purpose.
/// <code>
/// rules:
///   - identity: "*@example.com"
///     role: "AWSReservedSSO_DataScience_*"
///     models: ["anthropic.claude-3-5-sonnet-*"]
///     regions: [us-east-1, us-west-2]
///     purpose: "Support ticket summaries (GOV-12)"
/// </code>
/// A bad rule is reported with its line and skipped; the others are kept.
/// </summary>
public static class ApprovedUseReader
{
    private static readonly HashSet<string> Keys = ["identity", "role", "principal", "models", "regions", "purpose"];

    public static (IReadOnlyList<ApprovedUseRow> Rules, IReadOnlyList<ImportProblem> Problems) Read(string sourceFile, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return ([], [new ImportProblem(sourceFile, null, $"not YAML (line {e.Start.Line}): {e.Message}")]);
        }

        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        var list = root switch
        {
            YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("rules"), out var rules) => rules as YamlSequenceNode,
            YamlSequenceNode sequence => sequence,
            _ => null,
        };
        if (list is null)
        {
            return ([], [new ImportProblem(sourceFile, null, "no 'rules:' list of approved uses")]);
        }

        var rows = new List<ApprovedUseRow>();
        var problems = new List<ImportProblem>();
        foreach (var node in list.Children)
        {
            var where = $"rule at line {node.Start.Line}";
            if (node is not YamlMappingNode rule)
            {
                problems.Add(new ImportProblem(sourceFile, where, "is not a mapping; skipped"));
                continue;
            }

            var unknown = rule.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty).Where(k => !Keys.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                problems.Add(new ImportProblem(sourceFile, where, $"unknown key(s) {string.Join(", ", unknown)}; skipped (expected identity, role, models, regions, purpose)"));
                continue;
            }

            var identity = Scalar(rule, "identity");
            var principal = Scalar(rule, "role") ?? Scalar(rule, "principal");
            if (identity is null && principal is null)
            {
                problems.Add(new ImportProblem(sourceFile, where, "names neither an identity nor a role; skipped"));
                continue;
            }

            var models = Strings(rule, "models");
            var regions = Strings(rule, "regions");
            rows.Add(new ApprovedUseRow
            {
                RuleIndex = rows.Count,
                IdentityPattern = identity,
                IdentityRegex = identity is null ? null : IamPattern.ToRegex(identity),
                PrincipalPattern = principal,
                PrincipalRegex = principal is null ? null : PrincipalRegex(principal),
                Models = models,
                ModelRegexes = models.Select(IamPattern.ToRegex).ToList(),
                Regions = regions,
                RegionRegexes = regions.Select(IamPattern.ToRegex).ToList(),
                Purpose = string.IsNullOrWhiteSpace(Scalar(rule, "purpose")) ? null : Scalar(rule, "purpose")!.Trim(),
                SourceFile = sourceFile,
            });
        }

        return (rows, problems);
    }

    /// <summary>An ARN glob matches the whole ARN; a bare name glob matches the role or user name after the path.</summary>
    public static string PrincipalRegex(string pattern) =>
        pattern.StartsWith("arn:", StringComparison.Ordinal)
            ? IamPattern.ToRegex(pattern)
            : "^arn:[^:]*:iam::[^:]*:(role|user)/(.*/)?" + IamPattern.ToRegex(pattern)[1..];

    private static string? Scalar(YamlMappingNode rule, string key) =>
        rule.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;

    private static List<string> Strings(YamlMappingNode rule, string key)
    {
        if (!rule.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return [];
        }

        return value switch
        {
            YamlScalarNode { Value: { Length: > 0 } one } => [one],
            YamlSequenceNode many => many.Children.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>().Where(s => s.Length > 0).ToList(),
            _ => [],
        };
    }
}
