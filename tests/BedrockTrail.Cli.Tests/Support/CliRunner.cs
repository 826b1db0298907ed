namespace BedrockTrail.Cli.Tests.Support;

/// <summary>Runs the real command line in process with captured stdout and stderr.</summary>
internal static class CliRunner
{
    public static async Task<CliRun> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public static async Task<CliRun> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliTerminal(output, error), TimeProvider.System, cancellationToken);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
