using BedrockTrail.Resolve.Credentials;
using BedrockTrail.Resolve.Sessions;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// How many times, at most, the walker can be asked for the walk of each key one call issued (0, 1, or 2 meaning
/// "two or more"). A walk asked for once need not be remembered: in a bulk run nearly every session's chain is its
/// own, and remembering every hop of a million chains kept millions of links alive for nothing (most of the GC's
/// work). Walks that can be asked for twice are remembered as before, so rows are the same either way; a cycle
/// always has a key asked for twice (the way in and the way back), so the in-progress marker still catches it.
/// </summary>
internal static class WalkReuse
{
    /// <summary>Upper bounds on requests per issuance ordinal, saturated at 2.</summary>
    /// <remarks>
    /// The walker asks for a key's walk (1) once per Bedrock session with that access key, and (2) once each time an
    /// issuance whose caller used that key is followed. An issuance is followed once per walk of the key it issued,
    /// if that key is claimed (a session or a caller uses it); otherwise the console fallback may find it from any
    /// number of sessions, so it counts as two.
    /// </remarks>
    public static byte[] Count(IReadOnlyCollection<ObservedSession> sessions, CredentialIndex index)
    {
        var issuances = index.Issuances;
        var claimed = new byte[issuances.Count];
        foreach (var session in sessions)
        {
            Add(claimed, index, session.AccessKeyId, 1);
        }

        foreach (var issuance in issuances)
        {
            Add(claimed, index, issuance.Primary.CallerAccessKeyId, 1);
        }

        // Requests: sessions, then followed issuances (each counted by how often it can be followed).
        var requests = new byte[issuances.Count];
        foreach (var session in sessions)
        {
            Add(requests, index, session.AccessKeyId, 1);
        }

        foreach (var issuance in issuances)
        {
            Add(requests, index, issuance.Primary.CallerAccessKeyId, FollowedOnce(issuance, index, claimed) ? 1 : 2);
        }

        return requests;
    }

    /// <summary>Whether the issuance can only be reached through the walk of the one key it issued.</summary>
    private static bool FollowedOnce(CredentialIssuance issuance, CredentialIndex index, byte[] claimed)
    {
        if (issuance.IssuedAccessKeyId is not { Length: > 0 } key)
        {
            return false;
        }

        var byKey = index.ByIssuedKey(key);
        return byKey.Count == 1 && ReferenceEquals(byKey[0], issuance) && claimed[issuance.Ordinal] > 0;
    }

    private static void Add(byte[] counts, CredentialIndex index, string? key, int by)
    {
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        var byKey = index.ByIssuedKey(key);
        if (byKey.Count == 1)
        {
            var ordinal = byKey[0].Ordinal;
            counts[ordinal] = (byte)Math.Min(2, counts[ordinal] + by);
        }
    }
}
