using BedrockTrail.Cli.Pipeline;
using Spectre.Console;

namespace BedrockTrail.Cli.Console;

/// <summary>
/// Live progress for a person at a terminal: a Spectre.Console progress bar (objects read of objects listed) with the
/// running figures as its description. Used only when stderr is a terminal; logs and CI get <see cref="ThrottledProgress"/>.
/// </summary>
internal sealed class TerminalProgress : IIngestProgress
{
    private readonly TimeProvider _time;
    private readonly long _started;
    private ProgressTask? _task;

    private TerminalProgress(TimeProvider time)
    {
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>Runs <paramref name="work"/> under a live progress display on <paramref name="error"/>.</summary>
    public static Task<T> RunAsync<T>(TextWriter error, TimeProvider time, Func<IIngestProgress, Task<T>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        var progress = new TerminalProgress(time);
        return console.Progress()
            .AutoClear(true)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                progress._task = context.AddTask("listing...", maxValue: 1);
                return await work(progress).ConfigureAwait(false);
            });
    }

    public void Update(IngestSummary summary)
    {
        if (_task is null)
        {
            return;
        }

        var toRead = Math.Max(1, summary.ObjectsListed - summary.ObjectsUnchanged);
        _task.MaxValue = toRead;
        _task.Value = Math.Min(summary.ObjectsRead, toRead);
        _task.Description = Markup.Escape(SummaryText.ProgressLine(summary, _time.GetElapsedTime(_started)));
    }
}
