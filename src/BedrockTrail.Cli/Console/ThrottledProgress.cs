using BedrockTrail.Cli.Pipeline;

namespace BedrockTrail.Cli.Console;

/// <summary>
/// Shows ingest progress on stderr as a plain line every few seconds, for logs and CI (a terminal gets
/// <see cref="TerminalProgress"/>).
/// </summary>
internal sealed class ThrottledProgress : IIngestProgress
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    private readonly CliTerminal _terminal;
    private readonly TimeProvider _time;
    private readonly long _started;
    private long _last;

    public ThrottledProgress(CliTerminal terminal, TimeProvider time)
    {
        _terminal = terminal;
        _time = time;
        _started = time.GetTimestamp();
        _last = _started;
    }

    public void Update(IngestSummary summary)
    {
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(_last, now) < Every)
        {
            return;
        }

        _last = now;
        _terminal.Error.WriteLine(SummaryText.ProgressLine(summary, _time.GetElapsedTime(_started, now)));
    }
}
