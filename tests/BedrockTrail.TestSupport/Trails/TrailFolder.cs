using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace BedrockTrail.TestSupport.Trails;

/// <summary>
/// Lays out CloudTrail log files the way a trail bucket does
/// (<c>AWSLogs/[o-org/]account/CloudTrail/region/YYYY/MM/DD/account_CloudTrail_region_YYYYMMDDTHHmmZ_id.json.gz</c>),
/// so tests feed real sample events through the real ingest path.
/// </summary>
public sealed class TrailFolder
{
    private int _sequence;

    public TrailFolder(string root, string? organizationId = null)
    {
        Root = root;
        OrganizationId = organizationId;
    }

    public string Root { get; }

    public string? OrganizationId { get; }

    /// <summary>Writes one gzipped log file holding the given records; returns its key relative to the root.</summary>
    public string AddLogFile(string account, string region, DateTime delivered, IEnumerable<JsonNode> records)
    {
        var array = new JsonArray(records.Select(r => r.DeepClone()).ToArray());
        var json = new JsonObject { ["Records"] = array }.ToJsonString();
        return AddRaw(account, region, delivered, Gzip(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>Writes arbitrary bytes where a log file would be (for damaged-input tests).</summary>
    public string AddRaw(string account, string region, DateTime delivered, byte[] content)
    {
        var key = LogKey(account, region, delivered);
        var path = Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return key;
    }

    /// <summary>Writes a file at any key (digests, Insights, invocation logs).</summary>
    public string AddAt(string key, byte[] content)
    {
        var path = Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return key;
    }

    public string LogKey(string account, string region, DateTime delivered)
    {
        var id = (++_sequence).ToString("D16", System.Globalization.CultureInfo.InvariantCulture);
        var org = OrganizationId is null ? string.Empty : OrganizationId + "/";
        return $"AWSLogs/{org}{account}/CloudTrail/{region}/{delivered:yyyy}/{delivered:MM}/{delivered:dd}/{account}_CloudTrail_{region}_{delivered:yyyyMMdd'T'HHmm'Z'}_{id}.json.gz";
    }

    public static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    /// <summary>Every file under the root as (key, bytes), for copying the same layout into an S3 bucket.</summary>
    public IEnumerable<(string Key, byte[] Content)> Files() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes(f)));
}
