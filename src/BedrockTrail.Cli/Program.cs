using BedrockTrail.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops gracefully (nothing half-committed); a second one kills the process.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

var terminal = new CliTerminal(Console.Out, Console.Error, ErrorIsTerminal: !Console.IsErrorRedirected);
return await CliApp.RunAsync(args, terminal, TimeProvider.System, cancel.Token);
