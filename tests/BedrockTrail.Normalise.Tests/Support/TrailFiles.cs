using System.Text;
using System.Text.Json;
using BedrockTrail.Normalise.CloudTrail;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Normalise.Tests.Support;

/// <summary>Builds CloudTrail log files from the sample events and decodes them.</summary>
public static class TrailFiles
{
    /// <summary>The sample events that are strict JSON (a bare event, an array, or a Records envelope) by file.</summary>
    public static IEnumerable<string> StrictJsonSampleFiles() =>
        Directory.EnumerateFiles(RepoPaths.Samples, "*.json", SearchOption.AllDirectories)
            .Where(path => !IsInvocationLogSample(path) && IsStrictJson(File.ReadAllText(path)))
            .Order(StringComparer.Ordinal);

    /// <summary>A sample wrapped as a log file: a bare event or an array becomes <c>{"Records":[...]}</c>.</summary>
    public static string Wrap(string sampleText)
    {
        var trimmed = sampleText.Trim();
        if (trimmed.StartsWith('['))
        {
            return "{\"Records\":" + trimmed + "}";
        }

        return trimmed.Contains("\"Records\"", StringComparison.Ordinal) ? trimmed : "{\"Records\":[" + trimmed + "]}";
    }

    /// <summary>The events of a sample file as raw JSON texts.</summary>
    public static IReadOnlyList<string> EventsOf(string path)
    {
        using var document = JsonDocument.Parse(Wrap(File.ReadAllText(path)));
        return [.. document.RootElement.GetProperty("Records").EnumerateArray().Select(e => e.GetRawText())];
    }

    public static string Sample(params string[] parts) => RepoPaths.Sample(parts);

    public static (CollectingSink Sink, DecodeOutcome Outcome) Decode(string logFileText, bool parseEveryRecord = false, string source = "test/object.json")
    {
        var sink = new CollectingSink();
        var decoder = new CloudTrailLogDecoder(new CloudTrailDecoderOptions { ParseEveryRecord = parseEveryRecord });
        var outcome = decoder.Decode(Encoding.UTF8.GetBytes(logFileText), source, sink);
        return (sink, outcome);
    }

    public static (CollectingSink Sink, DecodeOutcome Outcome) DecodeSample(params string[] parts) => Decode(Wrap(Sample(parts)), source: parts[^1]);

    /// <summary>Model invocation log samples: a different format, decoded by the invocation log tests.</summary>
    public static bool IsInvocationLogSample(string path) =>
        path.Contains("model-invocation-logging", StringComparison.Ordinal) || path.Contains("bedrockmodelinvocation_", StringComparison.Ordinal);

    private static bool IsStrictJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
