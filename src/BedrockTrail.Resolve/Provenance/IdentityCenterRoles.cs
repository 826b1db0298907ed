namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// Recognises Identity Center's reserved roles and SAML provider. Identity Center creates
/// <c>AWSReservedSSO_&lt;PermissionSet&gt;_&lt;hash&gt;</c> under <c>/aws-reserved/sso.amazonaws.com/</c>, trusted only by
/// the <c>AWSSSO_&lt;id&gt;_DO_NOT_DELETE</c> SAML provider.
/// (https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html)
/// </summary>
internal static class IdentityCenterRoles
{
    private const string RolePrefix = "AWSReservedSSO_";

    public static bool IsReservedRole(string? roleArn) =>
        Arns.Name(roleArn) is { } name && name.StartsWith(RolePrefix, StringComparison.Ordinal);

    public static bool IsIdentityCenterProvider(string? provider) =>
        Arns.Name(provider) is { } name && name.StartsWith("AWSSSO_", StringComparison.Ordinal)
        && name.EndsWith("_DO_NOT_DELETE", StringComparison.Ordinal);

    /// <summary>The permission set name of a reserved role (the part between the prefix and the hash).</summary>
    public static string? PermissionSetOf(string? roleArn)
    {
        if (Arns.Name(roleArn) is not { } name || !name.StartsWith(RolePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = name[RolePrefix.Length..];
        var last = rest.LastIndexOf('_');
        return last > 0 ? rest[..last] : null;
    }
}
