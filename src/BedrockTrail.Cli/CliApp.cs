using System.CommandLine;
using System.CommandLine.Help;
using BedrockTrail.Cli.Commands;

namespace BedrockTrail.Cli;

/// <summary>The bedrocktrail command line: builds the commands and turns outcomes into the contract's exit codes.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliTerminal terminal, TimeProvider time, CancellationToken cancellationToken)
    {
        var context = new CliContext(terminal, time);
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await terminal.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await terminal.Error.WriteLineAsync("Run 'bedrocktrail --help' or 'bedrocktrail <command> --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageOrNothingDone;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = terminal.Out, Error = terminal.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await terminal.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.UsageOrNothingDone;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await terminal.Error.WriteLineAsync("cancelled: nothing of the unfinished run was committed; run the same command again to complete it.").ConfigureAwait(false);
            return ExitCodes.UsageOrNothingDone;
        }
    }

    public static Command BuildRoot(CliContext context)
    {
        // A plain command rather than RootCommand, so that usage says "bedrocktrail" however the program was started
        // (dotnet run, the built dll, a test host).
        var root = new Command(
            "bedrocktrail",
            "BedrockTrail: who, really, invoked this Amazon Bedrock model?\n" +
            "Reads CloudTrail (and Bedrock model invocation logs) from S3 or a folder into a Parquet lake, resolves every\n" +
            "session to the person or workload behind it, and answers questions with named reports or SQL.\n\n" +
            "Start with: bedrocktrail demo   (the whole pipeline on bundled data, no AWS account needed)")
        {
            new HelpOption(),
            new VersionOption(),
            IngestCommand.Create(context),
            ResolveCommand.Create(context),
            TraceCommand.Create(context),
            ReportCommand.Create(context),
            QueryCommand.Create(context),
            ImportIamCommand.Create(context),
            DemoCommand.Create(context),
        };
        return root;
    }
}
