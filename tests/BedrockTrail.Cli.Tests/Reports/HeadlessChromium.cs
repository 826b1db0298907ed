using System.Diagnostics;

namespace BedrockTrail.Cli.Tests.Reports;

/// <summary>
/// Runs Debian's chromium headless on a local file (make chromium installs it), with everything that would reach
/// the network switched off, in a throwaway profile.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(25);

    public static string? Find() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    /// <summary>Runs chromium with the page and <paramref name="action"/> (e.g. --screenshot=FILE or --dump-dom); returns stdout.</summary>
    public static async Task<string> RunAsync(string chromium, string htmlFile, string profileFolder, params string[] action)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
            "--user-data-dir=" + profileFolder, "--window-size=1280,1600", .. action, "file://" + htmlFile])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + chromium);
        using var timeout = new CancellationTokenSource(Limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish within {Limit.TotalSeconds} s");
        }

        _ = await error;
        return await output;
    }
}
