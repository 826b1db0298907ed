using System.IO.Compression;
using System.Text;

namespace BedrockTrail.Ingest.Tests.Support;

/// <summary>Makes log file bodies and real-looking keys.</summary>
internal static class LogFiles
{
    public static byte[] Gzip(string text) => Gzip(Encoding.UTF8.GetBytes(text));

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>A CloudTrail file body whose one record names the key, so a test can tell bodies apart.</summary>
    public static byte[] CloudTrailBody(string key) => Gzip($$"""{"Records":[{"eventID":"{{key}}","eventSource":"bedrock.amazonaws.com"}]}""");

    /// <summary><c>AWSLogs/[org/]account/CloudTrail/region/yyyy/MM/dd/account_CloudTrail_region_yyyyMMddTHHmmZ_suffix.json.gz</c>.</summary>
    public static string CloudTrailKey(string account, string region, DateOnly day, int n, string? org = null, string prefix = "")
    {
        var stamp = $"{day:yyyyMMdd}T{n / 12 % 24:00}{n % 12 * 5:00}Z";
        var suffix = $"abcdEFGH{n:00000000}";
        var orgPart = org is null ? string.Empty : org + "/";
        return $"{prefix}AWSLogs/{orgPart}{account}/CloudTrail/{region}/{day:yyyy/MM/dd}/{account}_CloudTrail_{region}_{stamp}_{suffix}.json.gz";
    }

    public static string InvocationLogKey(string account, string region, DateOnly day, int hour, string name, string prefix = "") =>
        $"{prefix}AWSLogs/{account}/BedrockModelInvocationLogs/{region}/{day:yyyy/MM/dd}/{hour:00}/{name}.json.gz";
}
