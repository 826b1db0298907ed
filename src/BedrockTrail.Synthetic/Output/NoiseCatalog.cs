using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.Randomness;

namespace BedrockTrail.Synthetic.Output;

/// <summary>One kind of ordinary management event: which service, which call, and how its parameters look.</summary>
internal sealed record NoiseAction(string Source, string Name, bool ReadOnly, bool Global, Func<SeededRandom, string, string, JsonPart?> Parameters)
{
    /// <summary>The TLS host a client would use; IAM is global, everything else regional.</summary>
    public string Host(string region) => Global ? Source : Source.Replace(".amazonaws.com", "." + region + ".amazonaws.com", StringComparison.Ordinal);
}

/// <summary>
/// Management events that are neither Bedrock nor credential-issuing: what a real trail is mostly made of
/// (EC2 Describe*, IAM List/Get, KMS Decrypt, CloudWatch Logs, SSM, STS GetCallerIdentity, CloudWatch, Lambda).
/// </summary>
internal static class NoiseCatalog
{
    private static readonly string[] RoleNames = ["OrganizationAccountAccessRole", "ec2-bedrock-app", "AWSServiceRoleForConfig", "data-pipeline"];

    private static readonly string[] Functions = ["summarise-tickets", "rag-query", "classify-email", "nightly-report"];

    public static readonly NoiseAction[] Actions =
    [
        new("ec2.amazonaws.com", "DescribeInstances", true, false, (_, _, _) => w => Obj(w, ("instancesSet", null), ("filterSet", null))),
        new("ec2.amazonaws.com", "DescribeSecurityGroups", true, false, (_, _, _) => w => Obj(w, ("securityGroupSet", null), ("filterSet", null))),
        new("ec2.amazonaws.com", "DescribeVpcs", true, false, (_, _, _) => w => Obj(w, ("vpcSet", null), ("filterSet", null))),
        new("iam.amazonaws.com", "ListRoles", true, true, (_, _, _) => null),
        new("iam.amazonaws.com", "GetRole", true, true, (r, _, _) => Str("roleName", r.Pick(RoleNames))),
        new("iam.amazonaws.com", "ListAttachedRolePolicies", true, true, (r, _, _) => Str("roleName", r.Pick(RoleNames))),
        new("kms.amazonaws.com", "Decrypt", true, false, (_, _, _) => Str("encryptionAlgorithm", "SYMMETRIC_DEFAULT")),
        new("kms.amazonaws.com", "GenerateDataKey", true, false, (r, a, g) => Str("keyId", "arn:aws:kms:" + g + ":" + a + ":key/" + AwsIds.Uuid(r))),
        new("logs.amazonaws.com", "DescribeLogGroups", true, false, (_, _, _) => null),
        new("logs.amazonaws.com", "CreateLogStream", false, false, (r, _, _) => Str("logGroupName", "/aws/lambda/" + r.Pick(Functions))),
        new("ssm.amazonaws.com", "GetParameter", true, false, (r, _, _) => Str("name", "/app/" + r.Pick(Functions) + "/config")),
        new("ssm.amazonaws.com", "UpdateInstanceInformation", false, false, (r, _, _) => Str("instanceId", AwsIds.InstanceId(r))),
        new("sts.amazonaws.com", "GetCallerIdentity", true, false, (_, _, _) => null),
        new("monitoring.amazonaws.com", "GetMetricData", true, false, (_, _, _) => null),
        new("monitoring.amazonaws.com", "DescribeAlarms", true, false, (_, _, _) => w => Obj(w, ("maxRecords", "100"))),
        new("lambda.amazonaws.com", "ListFunctions20150331", true, false, (_, _, _) => null),
        new("lambda.amazonaws.com", "GetFunction20150331v2", true, false, (r, _, _) => Str("functionName", r.Pick(Functions))),
    ];

    /// <summary>Service-linked roles whose sessions do background work in every account.</summary>
    public static readonly (string Role, string Session, string Service)[] ServiceLinked =
    [
        ("AWSServiceRoleForConfig", "AWSConfig-Describe", "config.amazonaws.com"),
        ("AWSServiceRoleForAmazonSSM", "SSM", "ssm.amazonaws.com"),
        ("AWSServiceRoleForTrustedAdvisor", "TrustedAdvisor_" + "Refresh", "trustedadvisor.amazonaws.com"),
    ];

    /// <summary>Services that call KMS and others on their own behalf (userIdentity AWSService).</summary>
    public static readonly string[] Services = ["secretsmanager.amazonaws.com", "cloudtrail.amazonaws.com", "s3.amazonaws.com"];

    private static JsonPart Str(string name, string value) => w =>
    {
        w.WriteStartObject();
        w.WriteString(name, value);
        w.WriteEndObject();
    };

    private static void Obj(System.Text.Json.Utf8JsonWriter w, params (string Name, string? Value)[] fields)
    {
        w.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            if (value is null)
            {
                w.WriteStartObject(name);
                w.WriteStartArray("items");
                w.WriteStartObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteString(name, value);
            }
        }

        w.WriteEndObject();
    }
}
