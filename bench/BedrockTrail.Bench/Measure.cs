using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BedrockTrail.Bench;

/// <summary>Runs the real CLI as a child process, the way a user would, and reads its summary.</summary>
internal static partial class Measure
{
    public sealed record CliRun(TimeSpan Elapsed, string Error, long DecompressedBytes, long PeakMemoryBytes, long EventsScanned, int ObjectsRead);

    /// <param name="cli">A native executable, or a dll that dotnet runs.</param>
    public static CliRun Cli(string cli, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var isDll = cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(isDll ? "dotnet" : cli) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (isDll)
        {
            start.ArgumentList.Add(cli);
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        _ = stdout.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bedrocktrail {string.Join(' ', args)} exited {process.ExitCode}:\n{stderr}");
        }

        return new CliRun(clock.Elapsed, stderr, Megabytes(JsonMegabytes(), stderr), Megabytes(PeakMegabytes(), stderr), Count(EventsScanned(), stderr), (int)Count(ObjectsRead(), stderr));
    }

    private static long Megabytes(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } m ? (long)(double.Parse(m.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) * 1e6) : 0;

    private static long Count(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"MB gzipped, ([\d,\.]+) MB of JSON")]
    private static partial Regex JsonMegabytes();

    [GeneratedRegex(@"peak memory\s+([\d,\.]+) MB")]
    private static partial Regex PeakMegabytes();

    [GeneratedRegex(@"events scanned\s+([\d,]+)")]
    private static partial Regex EventsScanned();

    [GeneratedRegex(@"objects read\s+([\d,]+)")]
    private static partial Regex ObjectsRead();
}
