using System.Text;
using System.Text.RegularExpressions;

namespace BedrockTrail.Governance.Policies;

/// <summary>
/// IAM's wildcard patterns: <c>*</c> matches any run of characters (colons and slashes included), <c>?</c> exactly one.
/// Actions compare case-insensitively, resource ARNs case-sensitively
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
/// </summary>
internal static class IamPattern
{
    public static bool Matches(string pattern, string value, bool ignoreCase) =>
        Match(pattern, value, ignoreCase, containment: false);

    /// <summary>
    /// True when every string <paramref name="inner"/> matches also matches <paramref name="outer"/>: an outer
    /// <c>*</c> absorbs anything, an outer <c>?</c> one literal character (or an inner <c>?</c>), a literal only itself.
    /// Used to decide whether a Deny covers an Allow.
    /// </summary>
    public static bool Covers(string outer, string inner, bool ignoreCase) =>
        Match(outer, inner, ignoreCase, containment: true);

    /// <summary>The pattern as an anchored regular expression (for DuckDB's <c>regexp_full_match</c> and for .NET).</summary>
    public static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        foreach (var c in pattern)
        {
            regex.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return regex.Append('$').ToString();
    }

    public static bool HasWildcard(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    private static bool Match(string pattern, string value, bool ignoreCase, bool containment)
    {
        // Classic two-row dynamic programme: reach[j] = pattern[..i] matches value[..j].
        var previous = new bool[value.Length + 1];
        var current = new bool[value.Length + 1];
        previous[0] = true;
        for (var i = 1; i <= pattern.Length; i++)
        {
            var p = pattern[i - 1];
            current[0] = p == '*' && previous[0];
            for (var j = 1; j <= value.Length; j++)
            {
                var v = value[j - 1];
                current[j] = p switch
                {
                    '*' => previous[j] || current[j - 1],
                    '?' => previous[j - 1] && (!containment || v != '*'),
                    _ => previous[j - 1] && Same(p, v, ignoreCase) && (!containment || (v != '*' && v != '?')),
                };
            }

            (previous, current) = (current, previous);
        }

        return previous[value.Length];
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
