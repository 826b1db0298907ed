using BedrockTrail.Resolve.Credentials;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// Finds the call that issued a session, strongest evidence first: the access key, then (only when no call returned
/// the key) role principal id + session name + creation time, which is how console and Identity Center sessions
/// must be linked because their key differs from the one the federation call returned.
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html)
/// </summary>
/// <remarks>
/// A key is "claimed" when some credential event's caller used it or a Bedrock session carries it; both sets exist
/// already (the index's caller keys, the sessions by key), so they are asked in turn rather than copied into one.
/// </remarks>
internal sealed class IssuerLookup(CredentialIndex index, KeyLinks sessionKeys, TimeSpan tolerance)
{
    private string? _lastKey;
    private IssuanceList _lastByKey;

    /// <summary>
    /// Issuances that returned this key. The walker asks for a key and then <see cref="Find"/> asks again for the
    /// same node: the last answer is kept so the second costs no table lookup.
    /// </summary>
    public IssuanceList ByKey(string accessKeyId)
    {
        if (!ReferenceEquals(accessKeyId, _lastKey))
        {
            _lastByKey = index.ByIssuedKey(accessKeyId);
            _lastKey = accessKeyId;
        }

        return _lastByKey;
    }

    /// <summary>Records that <paramref name="accessKeyId"/> was issued by the one issuance with this ordinal.</summary>
    public void Remember(string accessKeyId, int ordinal)
    {
        _lastKey = accessKeyId;
        _lastByKey = IssuanceList.Of(index.Issuances[ordinal]);
    }

    /// <summary>Records that no call issued <paramref name="accessKeyId"/>.</summary>
    public void RememberNone(string accessKeyId)
    {
        _lastKey = accessKeyId;
        _lastByKey = IssuanceList.Empty;
    }

    public IssuerMatch Find(in PrincipalNode node)
    {
        if (!string.IsNullOrEmpty(node.AccessKeyId))
        {
            var byKey = ByKey(node.AccessKeyId);
            if (byKey.Count == 1)
            {
                var word = byKey[0].MergedCopies ? EvidenceWords.SharedEvent : EvidenceWords.AccessKey;
                return IssuerMatch.One(byKey[0], word);
            }

            if (byKey.Count > 1)
            {
                // Access keys are unique per issuance; two calls claiming one key means the data cannot tell.
                return IssuerMatch.Tie(byKey.Count);
            }
        }

        return ByPrincipalAndTime(node);
    }

    private IssuerMatch ByPrincipalAndTime(in PrincipalNode node)
    {
        if (node.SessionCreated is not { } created || string.IsNullOrEmpty(node.SessionName))
        {
            return IssuerMatch.None;
        }

        var candidates = !string.IsNullOrEmpty(node.PrincipalId) && node.PrincipalId.Contains(':', StringComparison.Ordinal)
            ? index.ByIssuedPrincipalId(node.PrincipalId)
            : IssuanceList.Empty;
        if (candidates.Count == 0 && node.RoleArn is { } role)
        {
            candidates = index.ByRoleSession(role, node.SessionName);
        }

        CredentialIssuance? best = null;
        var bestDistance = TimeSpan.MaxValue;
        var tied = 0;
        var (start, end) = CredentialIndex.Window(candidates, created - tolerance, created + tolerance);
        for (var i = start; i < end; i++)
        {
            var candidate = candidates[i];
            // A call whose key another session is known to use issued that session, not this one: same role and
            // session name minutes apart must never be merged on name alone.
            if (candidate.IssuedAccessKeyId is { } issued && issued != node.AccessKeyId
                && (sessionKeys.SessionUsing(issued) is not null || index.CallerKeys.Contains(issued)))
            {
                continue;
            }

            var distance = (candidate.EventTime - created).Duration();
            if (distance > tolerance)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
                tied = 1;
            }
            else if (distance == bestDistance)
            {
                tied++;
            }
        }

        return best is null ? IssuerMatch.None
            : tied > 1 ? IssuerMatch.Tie(tied)
            : IssuerMatch.One(best, EvidenceWords.ConsolePrincipalTime);
    }

    /// <summary>
    /// Identity Center's GetRoleCredentials (logged in the Identity Center account) for an AWSReservedSSO session:
    /// nothing but target account, permission set and time ties them together.
    /// </summary>
    public IssuerMatch FindRoleCredentials(in PrincipalNode node)
    {
        if (node.SessionCreated is not { } created || node.AccountId is null
            || IdentityCenterRoles.PermissionSetOf(node.RoleArn) is not { } permissionSet)
        {
            return IssuerMatch.None;
        }

        CredentialIssuance? best = null;
        var bestDistance = TimeSpan.MaxValue;
        var tied = 0;
        var candidates = index.RoleCredentials(node.AccountId, permissionSet);
        var (start, end) = CredentialIndex.Window(candidates, created - tolerance, created + tolerance);
        for (var i = start; i < end; i++)
        {
            var candidate = candidates[i];
            var distance = (candidate.EventTime - created).Duration();
            if (distance > tolerance)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                (best, bestDistance, tied) = (candidate, distance, 1);
            }
            else if (distance == bestDistance)
            {
                tied++;
            }
        }

        return best is null ? IssuerMatch.None
            : tied > 1 ? IssuerMatch.Tie(tied)
            : IssuerMatch.One(best, EvidenceWords.IdentityCenter);
    }
}
