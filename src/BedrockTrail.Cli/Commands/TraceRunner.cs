using System.Text.RegularExpressions;
using BedrockTrail.Cli.Pipeline;
using BedrockTrail.Lake;
using BedrockTrail.Query;
using BedrockTrail.Resolve.Trace;

namespace BedrockTrail.Cli.Commands;

/// <summary>
/// Finds the session(s) a trace target names and prints their provenance. An access key is one session; an event id
/// is the session that made the call (or the one a credential event issued); a session ARN can be several sessions
/// (each assumption of the role is a new key), and a role ARN all of the role's sessions.
/// </summary>
internal static partial class TraceRunner
{
    private const int MaxSessions = 20;

    public static int Run(CliContext context, string lakePath, string target)
    {
        var lake = new LakeLayout(lakePath);
        List<string> keys;
        using (var database = LakeAccess.OpenExisting(lakePath))
        {
            keys = SessionKeysFor(database, target.Trim());
        }

        if (keys.Count == 0)
        {
            context.Terminal.Error.WriteLine($"no Bedrock session or call in the lake matches '{target}'. Give an access key id, a CloudTrail event id or a session ARN seen in bedrock_calls.");
            return ExitCodes.UsageOrNothingDone;
        }

        var filter = "session_key IN (" + string.Join(", ", keys.Take(MaxSessions).Select(Quote)) + ")";
        var resolutions = ResolveStage.Resolve(lake, ResolveStage.LoadDirectory(null), filter);
        foreach (var resolution in resolutions.OrderBy(r => r.Session.FirstSeen))
        {
            foreach (var line in TraceRenderer.Render(resolution))
            {
                context.Terminal.Out.WriteLine(line);
            }

            context.Terminal.Out.WriteLine();
        }

        if (keys.Count > MaxSessions)
        {
            context.Terminal.Error.WriteLine($"'{target}' matches {keys.Count} sessions; showed the first {MaxSessions}. Trace one access key for a single session.");
        }

        return ExitCodes.Success;
    }

    private static List<string> SessionKeysFor(LakeDatabase database, string target)
    {
        var parameters = new Dictionary<string, object?> { ["target"] = target };
        string sql;
        if (AccessKeyPattern().IsMatch(target))
        {
            sql = "SELECT DISTINCT session_key FROM bedrock_calls WHERE access_key_id = $target";
        }
        else if (target.StartsWith("arn:", StringComparison.Ordinal))
        {
            sql = "SELECT session_key FROM bedrock_calls WHERE principal_arn = $target OR session_issuer_arn = $target GROUP BY session_key ORDER BY min(event_time)";
        }
        else
        {
            sql = """
                SELECT DISTINCT session_key FROM bedrock_calls WHERE event_id = $target OR request_id = $target
                UNION
                SELECT DISTINCT c.session_key FROM credential_events e JOIN bedrock_calls c ON c.access_key_id = e.issued_access_key_id
                WHERE e.event_id = $target
                """;
        }

        return database.Query(sql, parameters).Rows.Select(r => (string)r[0]!).ToList();
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^(AKIA|ASIA|ABIA|ACCA|AIDA|AROA)[A-Z0-9]{12,}$")]
    private static partial Regex AccessKeyPattern();
}
