using BedrockTrail.Lake;
using BedrockTrail.Resolve.Provenance;

namespace BedrockTrail.Resolve.Trace;

/// <summary>
/// Finds the sessions a <c>trace</c> argument names: an access key (or any session key), a Bedrock call's event id,
/// or a session ARN. An ARN can name several sessions (the same role and session name at different times), so
/// every match is returned, oldest first, and the caller prints them all rather than one at random.
/// </summary>
public static class TraceTargets
{
    public static IReadOnlyList<SessionResolution> Find(string target, IReadOnlyList<SessionResolution> resolutions, IEnumerable<BedrockCall> calls)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        ArgumentNullException.ThrowIfNull(calls);
        if (string.IsNullOrWhiteSpace(target))
        {
            return [];
        }

        var wanted = target.Trim();
        var byKey = resolutions.Where(r => r.Row.SessionKey == wanted || r.Row.AccessKeyId == wanted).ToList();
        if (byKey.Count == 0)
        {
            var sessionKey = calls.FirstOrDefault(c => c.EventId == wanted)?.SessionKey;
            if (sessionKey is not null)
            {
                byKey = [.. resolutions.Where(r => r.Row.SessionKey == sessionKey)];
            }
        }

        if (byKey.Count == 0)
        {
            byKey = [.. resolutions.Where(r => string.Equals(r.Row.SessionArn, wanted, StringComparison.Ordinal))];
        }

        return [.. byKey.OrderBy(r => r.Session.FirstSeen).ThenBy(r => r.Row.SessionKey, StringComparer.Ordinal)];
    }
}
