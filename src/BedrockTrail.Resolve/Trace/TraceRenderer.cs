using System.Globalization;
using BedrockTrail.Resolve.Provenance;

namespace BedrockTrail.Resolve.Trace;

/// <summary>
/// Renders one session's provenance as text a responder can read top to bottom: the identity, then every hop with
/// its time, account, principal, session name, source IP, user agent and the evidence that linked it, then what the
/// session did in Bedrock. Pure: the CLI writes the lines wherever it likes.
/// </summary>
public static class TraceRenderer
{
    private const string None = "-";

    public static IReadOnlyList<string> Render(SessionResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var row = resolution.Row;
        var session = resolution.Session;
        var lines = new List<string>
        {
            $"session    {session.AccessKeyId ?? session.SessionKey}  {session.PrincipalArn ?? None}",
            $"identity   {row.Identity}  ({row.IdentityKind}{(row.IdentitySource is null ? string.Empty : " via " + row.IdentitySource)})",
            $"status     {row.Status}  hops {row.Hops}  evidence: {row.Evidence}",
        };
        if (row.SourceIdentity is not null)
        {
            lines.Add($"source id  {row.SourceIdentity}");
        }

        lines.Add("chain (authoritative identity first):");
        var depth = 0;
        if (resolution.Hops.Count == 0 || row.Chain[0] != resolution.Hops[0].Label)
        {
            lines.Add("  " + row.Chain[0]);
            depth = 1;
        }

        foreach (var hop in resolution.Hops)
        {
            var indent = new string(' ', 2 + (depth * 3));
            var branch = depth == 0 ? string.Empty : "`- ";
            lines.Add($"{indent}{branch}[{hop.LinkEvidence}] {hop.Label}");
            var detail = indent + (depth == 0 ? "    " : "       ");
            lines.Add($"{detail}account {hop.AccountId ?? None}  type {hop.PrincipalType ?? None}  session {hop.SessionName ?? None}  key {hop.AccessKeyId ?? None}");
            if (hop.IssuingEventId is not null)
            {
                var recorded = hop.IssuingRecordedIn.Count > 0 ? "  recorded in " + string.Join(", ", hop.IssuingRecordedIn) : string.Empty;
                lines.Add($"{detail}issued {Time(hop.IssuedAt)} by {hop.IssuingEventName} (event {hop.IssuingEventId}){recorded}");
            }

            lines.Add($"{detail}acted {Time(hop.ActedAt)} from {hop.SourceIp ?? None}  ua {hop.UserAgent ?? None}");
            if (hop.SourceIdentity is not null)
            {
                lines.Add($"{detail}source identity {hop.SourceIdentity}");
            }

            depth++;
        }

        lines.Add($"bedrock activity: {session.CallCount.ToString(CultureInfo.InvariantCulture)} call(s), {Time(session.FirstSeen)} .. {Time(session.LastSeen)}");
        foreach (var (model, count) in session.ModelCounts.OrderByDescending(m => m.Value).ThenBy(m => m.Key, StringComparer.Ordinal))
        {
            lines.Add($"  {count.ToString(CultureInfo.InvariantCulture),6}  {model}");
        }

        return lines;
    }

    private static string Time(DateTime? time) =>
        time is { } t ? t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : None;
}
