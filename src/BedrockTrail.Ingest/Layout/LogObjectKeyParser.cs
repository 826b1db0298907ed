using System.Buffers;
using System.Globalization;

namespace BedrockTrail.Ingest.Layout;

/// <summary>
/// Reads the key layouts CloudTrail and Bedrock write:
/// <c>[prefix/]AWSLogs/[o-id/]&lt;account&gt;/CloudTrail/&lt;region&gt;/YYYY/MM/DD/&lt;file&gt;.json.gz</c> and
/// <c>[prefix/]AWSLogs/&lt;account&gt;/BedrockModelInvocationLogs/&lt;region&gt;/YYYY/MM/DD/HH/&lt;file&gt;.json.gz</c>.
/// </summary>
internal static class LogObjectKeyParser
{
    internal const string AwsLogs = "AWSLogs";
    internal const string CloudTrail = "CloudTrail";
    internal const string CloudTrailDigest = "CloudTrail-Digest";
    internal const string CloudTrailInsight = "CloudTrail-Insight";
    internal const string InvocationLogs = "BedrockModelInvocationLogs";
    internal const string PermissionCheck = "amazon-bedrock-logs-permission-check";

    private static readonly SearchValues<char> LowerAlnum =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    private static readonly SearchValues<char> RegionChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    public static LogObjectKey Parse(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return LogObjectKey.Skip(LogObjectSkipReason.NotUnderAwsLogs);
        }

        if (key[^1] == '/')
        {
            return LogObjectKey.Skip(LogObjectSkipReason.FolderMarker);
        }

        var segments = key.Split('/');

        // Bedrock writes its access probe at the configured key prefix, outside AWSLogs/.
        if (segments[^1].StartsWith(PermissionCheck, StringComparison.Ordinal))
        {
            return LogObjectKey.Skip(LogObjectSkipReason.PermissionCheck);
        }

        // The prefix before AWSLogs is free text and may itself contain an "AWSLogs" segment: the first
        // occurrence that reads as a log layout wins, otherwise the first reason found is reported.
        LogObjectKey? firstSkip = null;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (!segments[i].Equals(AwsLogs, StringComparison.Ordinal))
            {
                continue;
            }

            var parsed = ParseAfterAwsLogs(segments, i + 1);
            if (parsed.IsLog)
            {
                return parsed;
            }

            firstSkip ??= parsed;
        }

        return firstSkip ?? LogObjectKey.Skip(LogObjectSkipReason.NotUnderAwsLogs);
    }

    private static LogObjectKey ParseAfterAwsLogs(string[] s, int i)
    {
        string? org = null;
        if (i < s.Length - 1 && IsOrganizationId(s[i]))
        {
            org = s[i++];
        }

        if (i >= s.Length - 2 || !IsAccountId(s[i]))
        {
            return LogObjectKey.Skip(LogObjectSkipReason.UnexpectedLayout, org);
        }

        var account = s[i];
        return s[i + 1] switch
        {
            CloudTrail => ParseDated(s, i + 2, hourFolder: false, org, account),
            InvocationLogs => ParseDated(s, i + 2, hourFolder: true, org, account),
            CloudTrailDigest => LogObjectKey.Skip(LogObjectSkipReason.Digest, org, account),
            CloudTrailInsight => LogObjectKey.Skip(LogObjectSkipReason.Insight, org, account),
            _ => LogObjectKey.Skip(LogObjectSkipReason.OtherService, org, account),
        };
    }

    // s[i] is the region; then YYYY/MM/DD[/HH]/file.
    private static LogObjectKey ParseDated(string[] s, int i, bool hourFolder, string? org, string account)
    {
        if (hourFolder && Array.IndexOf(s, "data", i, s.Length - 1 - i) >= 0)
        {
            return LogObjectKey.Skip(LogObjectSkipReason.InvocationLogData, org, account);
        }

        var expected = i + 1 + 3 + (hourFolder ? 1 : 0) + 1;
        if (s.Length != expected || !IsRegion(s[i]) || !TryDate(s[i + 1], s[i + 2], s[i + 3], out var date))
        {
            return LogObjectKey.Skip(LogObjectSkipReason.UnexpectedLayout, org, account);
        }

        int? hour = null;
        if (hourFolder)
        {
            if (!TryNumber(s[i + 4], 2, out var h) || h > 23)
            {
                return LogObjectKey.Skip(LogObjectSkipReason.UnexpectedLayout, org, account);
            }

            hour = h;
        }

        if (!IsJsonFileName(s[^1]))
        {
            return LogObjectKey.Skip(LogObjectSkipReason.NotJsonFile, org, account);
        }

        var kind = hourFolder ? LogObjectKind.InvocationLog : LogObjectKind.CloudTrailLog;
        return new LogObjectKey(kind, org, account, s[i], date, hour, LogObjectSkipReason.None);
    }

    // Uncompressed .json copies are accepted too: some tools (aws s3 sync with decompression, SIEM exports) write them.
    internal static bool IsJsonFileName(string name) =>
        name.Length > ".json".Length
        && (name.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));

    // Organization ids are "o-" and 10 to 32 lower-case letters or digits
    // (https://docs.aws.amazon.com/organizations/latest/APIReference/API_Organization.html).
    internal static bool IsOrganizationId(string s) =>
        s.Length is >= 12 and <= 34 && s.StartsWith("o-", StringComparison.Ordinal) && !s.AsSpan(2).ContainsAnyExcept(LowerAlnum);

    internal static bool IsAccountId(string s) => s.Length == 12 && !s.AsSpan().ContainsAnyExceptInRange('0', '9');

    // Region names are lower-case words and digits joined by hyphens: us-east-1, us-gov-west-1, cn-north-1,
    // eusc-de-east-1. Kept loose on purpose so that new partitions are not skipped.
    internal static bool IsRegion(string s) =>
        s.Length is >= 4 and <= 32
        && s.Contains('-', StringComparison.Ordinal)
        && char.IsAsciiLetterLower(s[0])
        && char.IsAsciiDigit(s[^1])
        && !s.AsSpan().ContainsAnyExcept(RegionChars);

    private static bool TryDate(string year, string month, string day, out DateOnly date)
    {
        date = default;
        if (!TryNumber(year, 4, out var y) || !TryNumber(month, 2, out var m) || !TryNumber(day, 2, out var d))
        {
            return false;
        }

        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    private static bool TryNumber(string s, int digits, out int value)
    {
        value = 0;
        return s.Length == digits
            && !s.AsSpan().ContainsAnyExceptInRange('0', '9')
            && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
