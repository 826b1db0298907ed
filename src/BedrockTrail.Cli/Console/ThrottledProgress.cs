using BedrockTrail.Cli.Pipeline;

namespace BedrockTrail.Cli.Console;

/// <summary>
/// Shows ingest progress on stderr: a line rewritten in place on a terminal, or a plain line every few seconds when
/// stderr goes to a file or CI log.
/// </summary>
internal sealed class ThrottledProgress : IIngestProgress
{
    private readonly CliTerminal _terminal;
    private readonly TimeProvider _time;
    private readonly TimeSpan _every;
    private readonly long _started;
    private long _last;
    private bool _wroteInPlace;

    public ThrottledProgress(CliTerminal terminal, TimeProvider time)
    {
        _terminal = terminal;
        _time = time;
        _every = terminal.ErrorIsTerminal ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(10);
        _started = time.GetTimestamp();
        _last = _started;
    }

    public void Update(IngestSummary summary)
    {
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(_last, now) < _every)
        {
            return;
        }

        _last = now;
        var line = SummaryText.ProgressLine(summary, _time.GetElapsedTime(_started, now));
        if (_terminal.ErrorIsTerminal)
        {
            _terminal.Error.Write("\r" + line.PadRight(100));
            _wroteInPlace = true;
        }
        else
        {
            _terminal.Error.WriteLine(line);
        }
    }

    /// <summary>Ends the in-place line so the summary starts on its own line.</summary>
    public void Finish()
    {
        if (_wroteInPlace)
        {
            _terminal.Error.WriteLine();
        }
    }
}
