namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// Decides whether an OIDC provider signs in people or workloads. The provider comes as a host
/// (<c>token.actions.githubusercontent.com</c>) or an IAM OIDC provider ARN (<c>…:oidc-provider/host/path</c>).
/// Unknown providers count as workloads: their subjects are rarely people, and the identity string is the token
/// subject either way.
/// </summary>
internal static class OidcProviders
{
    private static readonly string[] HumanHosts =
    [
        "cognito-identity.amazonaws.com", "accounts.google.com", "login.microsoftonline.com", "sts.windows.net",
        "graph.facebook.com", "www.amazon.com",
    ];

    private static readonly string[] HumanSuffixes = [".okta.com", ".auth0.com", ".oktapreview.com"];

    public static bool IsHuman(string? provider)
    {
        var host = Host(provider);
        if (host is null)
        {
            return false;
        }

        return Array.Exists(HumanHosts, h => host.Equals(h, StringComparison.OrdinalIgnoreCase))
            || Array.Exists(HumanSuffixes, s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The host part of a provider string, whatever form it came in.</summary>
    public static string? Host(string? provider)
    {
        if (string.IsNullOrWhiteSpace(provider))
        {
            return null;
        }

        var value = provider.Trim();
        var marker = value.IndexOf("oidc-provider/", StringComparison.Ordinal);
        if (marker >= 0)
        {
            value = value[(marker + "oidc-provider/".Length)..];
        }

        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            value = value[(scheme + 3)..];
        }

        // A WebIdentityUser principal id is "<provider>:<audience>:<subject>"; the host ends at '/' or ':'.
        var end = value.IndexOfAny(['/', ':']);
        return end >= 0 ? value[..end] : value;
    }
}
