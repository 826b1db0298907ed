using BedrockTrail.Ingest.Layout;

namespace BedrockTrail.Ingest.Tests.Layout;

public sealed class LogObjectKeyTests
{
    [Theory]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/01/111122223333_CloudTrail_us-east-1_20240101T0000Z_abcdEFGH12345678.json.gz", null, "111122223333", "us-east-1", "2024-01-01")]
    [InlineData("trail/AWSLogs/o-abcde12345/111122223333/CloudTrail/eu-west-3/2024/02/29/x.json.gz", "o-abcde12345", "111122223333", "eu-west-3", "2024-02-29")]
    [InlineData("o-abcde12345/AWSLogs/o-abcde12345/444455556666/CloudTrail/us-gov-west-1/2023/12/31/x.json.gz", "o-abcde12345", "444455556666", "us-gov-west-1", "2023-12-31")]
    [InlineData("AWSLogs/AWSLogs/111122223333/CloudTrail/ap-southeast-2/2024/07/09/x.json", null, "111122223333", "ap-southeast-2", "2024-07-09")]
    [InlineData("/home/me/trail copy/AWSLogs/111122223333/CloudTrail/cn-north-1/2024/10/05/x.JSON.GZ", null, "111122223333", "cn-north-1", "2024-10-05")]
    public void Parse_CloudTrailKeys_ReadsOrgAccountRegionAndDeliveryDate(string key, string? org, string account, string region, string date)
    {
        // When
        var layout = LogObjectKey.Parse(key);

        // Then
        Assert.Equal(
            new LogObjectKey(LogObjectKind.CloudTrailLog, org, account, region, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null, LogObjectSkipReason.None),
            layout);
        Assert.True(layout.IsLog);
    }

    [Fact]
    public void Parse_InvocationLogKey_ReadsHourFolder()
    {
        var layout = LogObjectKey.Parse("bedrock/AWSLogs/111122223333/BedrockModelInvocationLogs/us-west-2/2025/03/04/17/20250304T1705Z_0123abcd.json.gz");

        Assert.Equal(
            new LogObjectKey(LogObjectKind.InvocationLog, null, "111122223333", "us-west-2", new DateOnly(2025, 3, 4), 17, LogObjectSkipReason.None),
            layout);
    }

    [Theory]
    [InlineData("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/01/01/111122223333_CloudTrail-Digest_us-east-1_t_us-east-1_20240101T000000Z.json.gz", LogObjectSkipReason.Digest)]
    [InlineData("AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2024/01/01/x.json.gz", LogObjectSkipReason.Insight)]
    [InlineData("AWSLogs/111122223333/BedrockModelInvocationLogs/us-east-1/2024/01/01/10/data/abc.json.gz", LogObjectSkipReason.InvocationLogData)]
    [InlineData("AWSLogs/111122223333/BedrockModelInvocationLogs/us-east-1/2024/01/01/10/data/input/1.json", LogObjectSkipReason.InvocationLogData)]
    [InlineData("bedrock/amazon-bedrock-logs-permission-check", LogObjectSkipReason.PermissionCheck)]
    [InlineData("AWSLogs/111122223333/BedrockModelInvocationLogs/amazon-bedrock-logs-permission-check", LogObjectSkipReason.PermissionCheck)]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/01/", LogObjectSkipReason.FolderMarker)]
    [InlineData("exports/2024/x.json.gz", LogObjectSkipReason.NotUnderAwsLogs)]
    [InlineData("", LogObjectSkipReason.NotUnderAwsLogs)]
    [InlineData("AWSLogs/111122223333/elasticloadbalancing/us-east-1/2024/01/01/x.log.gz", LogObjectSkipReason.OtherService)]
    [InlineData("AWSLogs/1111222233/CloudTrail/us-east-1/2024/01/01/x.json.gz", LogObjectSkipReason.UnexpectedLayout)]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2024/02/30/x.json.gz", LogObjectSkipReason.UnexpectedLayout)]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2024/1/01/x.json.gz", LogObjectSkipReason.UnexpectedLayout)]
    [InlineData("AWSLogs/111122223333/CloudTrail/US-EAST-1/2024/01/01/x.json.gz", LogObjectSkipReason.UnexpectedLayout)]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/01/extra/x.json.gz", LogObjectSkipReason.UnexpectedLayout)]
    [InlineData("AWSLogs/111122223333/BedrockModelInvocationLogs/us-east-1/2024/01/01/24/x.json.gz", LogObjectSkipReason.UnexpectedLayout)]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/01/x.csv", LogObjectSkipReason.NotJsonFile)]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/01/.json", LogObjectSkipReason.NotJsonFile)]
    public void Parse_NonLogKeys_AreSkippedWithReason(string key, LogObjectSkipReason reason)
    {
        var layout = LogObjectKey.Parse(key);

        Assert.Equal(LogObjectKind.Skipped, layout.Kind);
        Assert.Equal(reason, layout.SkipReason);
        Assert.False(layout.IsLog);
    }

    [Fact]
    public void Parse_Digest_KeepsAccountForCounting()
    {
        var layout = LogObjectKey.Parse("AWSLogs/o-abcde12345/111122223333/CloudTrail-Digest/us-east-1/2024/01/01/d.json.gz");

        Assert.Equal("o-abcde12345", layout.OrganizationId);
        Assert.Equal("111122223333", layout.AccountId);
    }
}
