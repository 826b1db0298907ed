using System.IO.Compression;
using System.Text.Json;

namespace BedrockTrail.Synthetic.Tests.Support;

/// <summary>Reads a generated corpus back the way an ingest would: by walking the folder and gunzipping.</summary>
internal static class CorpusFiles
{
    public static IEnumerable<string> Keys(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    public static JsonDocument ReadJson(string path) => JsonDocument.Parse(Gunzip(path));

    /// <summary>Every record of every trail log file with the key it came from.</summary>
    public static List<(string Key, JsonElement Record)> TrailRecords(string root)
    {
        var all = new List<(string, JsonElement)>();
        foreach (var key in Keys(root).Where(k => k.Contains("/CloudTrail/", StringComparison.Ordinal)))
        {
            using var doc = ReadJson(Path.Combine(root, key));
            foreach (var record in doc.RootElement.GetProperty("Records").EnumerateArray())
            {
                all.Add((key, record.Clone()));
            }
        }

        return all;
    }

    public static string? Str(this JsonElement e, params string[] path)
    {
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
            {
                return null;
            }
        }

        return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }
}
