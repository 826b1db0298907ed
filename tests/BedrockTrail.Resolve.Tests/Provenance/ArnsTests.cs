using BedrockTrail.Resolve.Provenance;

namespace BedrockTrail.Resolve.Tests.Provenance;

/// <summary>The in-place ARN reader gives what the split-based reader it replaced gave, odd shapes included.</summary>
public sealed class ArnsTests
{
    public static TheoryData<string?> Inputs => new()
    {
        null, string.Empty, "arn:", "arn:aws", "arn:aws:sts", "arn:aws:sts::", "arn:aws:sts::123456789012",
        "arn:aws:sts::123456789012:", "arn:aws:sts::123456789012:assumed-role/Role/session",
        "arn:aws:sts::123456789012:assumed-role/Role/", "arn:aws:sts::123456789012:assumed-role/Role",
        "arn:aws:sts::123456789012:assumed-role//x", "arn:aws-cn:sts::123456789012:assumed-role/R/a:b:c",
        "arn:aws:sts::123456789012:federated-user/bob", "arn:aws:sts::123456789012:federated-user/",
        "arn:aws:iam::123456789012:user/path/to/alice", "arn:aws:iam::123456789012:user/", "arn:aws:iam::123456789012:role/p/R",
        "arn:aws:iam::123456789012:root", "arn:aws:iam:::user/x", "arn::iam::1:user/x", "ARN:aws:iam::1:user/x",
        "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", "not an arn", "arn:aws:s3:::bucket/key:with:colons",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Readers_AnyInput_SameAsSplitReading(string? arn)
    {
        // Given the split-based reading the resolver used before (the reference), when both read the same text,
        // then every answer is the same
        Assert.Equal(Reference.Account(arn), Arns.Account(arn));
        Assert.Equal(Reference.SessionName(arn), Arns.SessionName(arn));
        Assert.Equal(Reference.RoleOfAssumedRole(arn), Arns.RoleOfAssumedRole(arn));
        Assert.Equal(Reference.Name(arn), Arns.Name(arn));
        Assert.Equal(Reference.IsIamUser(arn), Arns.IsIamUser(arn));
        Assert.Equal(Reference.RootOf("123456789012", arn), Arns.RootOf("123456789012", arn));
    }

    [Fact]
    public void RoleOfAssumedRole_TwoSessionsOfOneRole_SameStringInstance()
    {
        // Given two sessions of one role, when the role ARN is read from each, then it is one pooled string
        var first = Arns.RoleOfAssumedRole("arn:aws:sts::123456789012:assumed-role/Pooled/one");
        var second = Arns.RoleOfAssumedRole("arn:aws:sts::123456789012:assumed-role/Pooled/two");
        Assert.Equal("arn:aws:iam::123456789012:role/Pooled", first);
        Assert.Same(first, second);
    }

    private static class Reference
    {
        public static string? Account(string? arn) => Split(arn) is { Length: >= 6 } p && p[4].Length > 0 ? p[4] : null;

        public static string? SessionName(string? arn)
        {
            var resource = Resource(arn);
            if (resource is null)
            {
                return null;
            }

            if (resource.StartsWith("assumed-role/", StringComparison.Ordinal))
            {
                var slash = resource.LastIndexOf('/');
                return slash > "assumed-role/".Length ? resource[(slash + 1)..] : null;
            }

            return resource.StartsWith("federated-user/", StringComparison.Ordinal) ? resource["federated-user/".Length..] : null;
        }

        public static string? RoleOfAssumedRole(string? arn)
        {
            var parts = Split(arn);
            var resource = Resource(arn);
            if (parts is null || resource is null || !resource.StartsWith("assumed-role/", StringComparison.Ordinal))
            {
                return null;
            }

            var rest = resource["assumed-role/".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var role = slash > 0 ? rest[..slash] : rest;
            return $"arn:{parts[1]}:iam::{parts[4]}:role/{role}";
        }

        public static string? Name(string? arn)
        {
            var resource = Resource(arn);
            if (resource is null)
            {
                return null;
            }

            var slash = resource.LastIndexOf('/');
            return slash >= 0 && slash < resource.Length - 1 ? resource[(slash + 1)..] : null;
        }

        public static bool IsIamUser(string? arn) =>
            Split(arn) is { Length: >= 6 } parts && parts[2] == "iam" && parts[5].StartsWith("user/", StringComparison.Ordinal);

        public static string RootOf(string account, string? partitionFromArn)
        {
            var partition = Split(partitionFromArn) is { Length: >= 6 } parts && parts[1].Length > 0 ? parts[1] : "aws";
            return $"arn:{partition}:iam::{account}:root";
        }

        private static string? Resource(string? arn) => Split(arn) is { Length: >= 6 } parts ? parts[5] : null;

        private static string[]? Split(string? arn) =>
            arn is not null && arn.StartsWith("arn:", StringComparison.Ordinal) ? arn.Split(':', 6) : null;
    }
}
