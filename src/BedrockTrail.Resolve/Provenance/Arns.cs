namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// Reads the parts of IAM and STS ARNs the resolver needs. Lenient: anything that is not the expected shape gives
/// null rather than an error, because real trails carry truncated and odd values. Parses in place (no split arrays):
/// the resolver reads several ARNs per hop of every session, so only the part asked for is ever allocated.
/// </summary>
internal static class Arns
{
    private const string AssumedRolePrefix = "assumed-role/";
    private const string FederatedUserPrefix = "federated-user/";

    /// <summary>
    /// The account field of an ARN (<c>arn:aws:sts::123456789012:...</c>), else null. Pooled: every hop of every
    /// chain keeps its account, and a trail has few.
    /// </summary>
    public static string? Account(string? arn) =>
        ArnFields.TryParse(arn, out var f) && f.AccountLength > 0 ? StringPool.Get(f.Account) : null;

    /// <summary>The session name of <c>arn:aws:sts::acct:assumed-role/Role/session</c> or of a federated user.</summary>
    public static string? SessionName(string? arn)
    {
        if (!ArnFields.TryParse(arn, out var f))
        {
            return null;
        }

        var resource = f.Resource;
        if (resource.StartsWith(AssumedRolePrefix, StringComparison.Ordinal))
        {
            var slash = resource.LastIndexOf('/');
            return slash > AssumedRolePrefix.Length ? f.Arn[(f.ResourceStart + slash + 1)..] : null;
        }

        return resource.StartsWith(FederatedUserPrefix, StringComparison.Ordinal)
            ? f.Arn[(f.ResourceStart + FederatedUserPrefix.Length)..]
            : null;
    }

    /// <summary>
    /// The role ARN behind an assumed-role ARN. The role's path is not in the session ARN, so prefer the session
    /// issuer ARN when the trail gives it.
    /// </summary>
    public static string? RoleOfAssumedRole(string? arn)
    {
        if (!ArnFields.TryParse(arn, out var f) || !f.Resource.StartsWith(AssumedRolePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = f.Resource[AssumedRolePrefix.Length..];
        var slash = rest.IndexOf('/');
        var role = slash > 0 ? rest[..slash] : rest;
        return RoleArn(f.Partition, f.Account, role);
    }

    /// <summary>
    /// <c>arn:{partition}:iam::{account}:role/{role}</c>, the same instance for the same role: every session of a
    /// role asks for it, and a million sessions share a few hundred roles.
    /// </summary>
    private static string RoleArn(ReadOnlySpan<char> partition, ReadOnlySpan<char> account, ReadOnlySpan<char> role)
    {
        const string Iam = ":iam::";
        const string RolePart = ":role/";
        var length = 4 + partition.Length + Iam.Length + account.Length + RolePart.Length + role.Length;
        Span<char> text = length <= 512 ? stackalloc char[length] : new char[length];
        var at = 0;
        "arn:".CopyTo(text);
        at += 4;

        partition.CopyTo(text[at..]);
        at += partition.Length;
        Iam.CopyTo(text[at..]);
        at += Iam.Length;
        account.CopyTo(text[at..]);
        at += account.Length;
        RolePart.CopyTo(text[at..]);
        at += RolePart.Length;
        role.CopyTo(text[at..]);
        return StringPool.Get(text);
    }

    /// <summary>The last path segment of an IAM role or user ARN (its name).</summary>
    public static string? Name(string? arn)
    {
        if (!ArnFields.TryParse(arn, out var f))
        {
            return null;
        }

        var resource = f.Resource;
        var slash = resource.LastIndexOf('/');
        return slash >= 0 && slash < resource.Length - 1 ? f.Arn[(f.ResourceStart + slash + 1)..] : null;
    }

    /// <summary>Whether the ARN is an IAM user (<c>arn:aws:iam::acct:user/...</c>).</summary>
    public static bool IsIamUser(string? arn) =>
        ArnFields.TryParse(arn, out var f) && f.Service.SequenceEqual("iam") && f.Resource.StartsWith("user/", StringComparison.Ordinal);

    public static string RootOf(string account, string? partitionFromArn = null) =>
        ArnFields.TryParse(partitionFromArn, out var f) && f.Partition.Length > 0
            ? $"arn:{f.Partition}:iam::{account}:root"
            : $"arn:aws:iam::{account}:root";

    /// <summary>
    /// Positions of the six colon-separated fields (<c>arn:partition:service:region:account:resource</c>); the
    /// resource (last) may itself contain colons, exactly as <c>Split(':', 6)</c> would read it.
    /// </summary>
    private readonly record struct ArnFields(string Arn, int PartitionEnd, int ServiceEnd, int RegionEnd, int AccountEnd)
    {
        private const int PartitionStart = 4;

        public int AccountStart => RegionEnd + 1;

        public int AccountLength => AccountEnd - AccountStart;

        public int ResourceStart => AccountEnd + 1;

        public ReadOnlySpan<char> Partition => Arn.AsSpan(PartitionStart, PartitionEnd - PartitionStart);

        public ReadOnlySpan<char> Service => Arn.AsSpan(PartitionEnd + 1, ServiceEnd - PartitionEnd - 1);

        public ReadOnlySpan<char> Account => Arn.AsSpan(AccountStart, AccountLength);

        public ReadOnlySpan<char> Resource => Arn.AsSpan(ResourceStart);

        public static bool TryParse(string? arn, out ArnFields fields)
        {
            fields = default;
            if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal))
            {
                return false;
            }

            var partitionEnd = arn.IndexOf(':', PartitionStart);
            var serviceEnd = partitionEnd < 0 ? -1 : arn.IndexOf(':', partitionEnd + 1);
            var regionEnd = serviceEnd < 0 ? -1 : arn.IndexOf(':', serviceEnd + 1);
            var accountEnd = regionEnd < 0 ? -1 : arn.IndexOf(':', regionEnd + 1);
            if (accountEnd < 0)
            {
                return false;
            }

            fields = new ArnFields(arn, partitionEnd, serviceEnd, regionEnd, accountEnd);
            return true;
        }
    }
}
