using System.Globalization;

namespace BedrockTrail.Synthetic.Output;

/// <summary>
/// S3 key layout of a trail bucket (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html):
/// <c>AWSLogs/[o-org/]&lt;account&gt;/CloudTrail/&lt;region&gt;/YYYY/MM/DD/&lt;account&gt;_CloudTrail_&lt;region&gt;_&lt;YYYYMMDDTHHmmZ&gt;_&lt;16 chars&gt;.json.gz</c>,
/// the date being the delivery date; digests beside it under CloudTrail-Digest/; model invocation logs under
/// <c>AWSLogs/&lt;account&gt;/BedrockModelInvocationLogs/&lt;region&gt;/YYYY/MM/DD/HH/</c>.
/// </summary>
internal static class TrailLayout
{
    public const string TrailName = "org-trail";

    public static string AccountRoot(string? orgId, string account) =>
        orgId is null ? "AWSLogs/" + account : "AWSLogs/" + orgId + "/" + account;

    public static string LogFile(string? orgId, string account, string region, DateTimeOffset delivered, string suffix) =>
        AccountRoot(orgId, account) + "/CloudTrail/" + region + "/" + DatePath(delivered) + "/"
        + account + "_CloudTrail_" + region + "_" + delivered.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture) + "_" + suffix + ".json.gz";

    public static string DigestFile(string? orgId, string account, string region, string homeRegion, DateTimeOffset end) =>
        AccountRoot(orgId, account) + "/CloudTrail-Digest/" + region + "/" + DatePath(end) + "/"
        + account + "_CloudTrail-Digest_" + region + "_" + TrailName + "_" + homeRegion + "_" + end.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".json.gz";

    public static string InvocationLogFolder(string account, string region, DateTimeOffset hour) =>
        "AWSLogs/" + account + "/BedrockModelInvocationLogs/" + region + "/" + DatePath(hour) + "/" + hour.UtcDateTime.ToString("HH", CultureInfo.InvariantCulture);

    public static string Bucket(string? orgId, string managementAccount) =>
        orgId is null ? "cloudtrail-" + managementAccount : "aws-controltower-logs-" + orgId;

    private static string DatePath(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);
}
