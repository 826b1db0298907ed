using System.CommandLine;

namespace BedrockTrail.Cli.Commands;

/// <summary><c>bedrocktrail trace KEY|EVENT|ARN --lake DIR</c>: the provenance chain of one session or call.</summary>
internal static class TraceCommand
{
    public static Command Create(CliContext context)
    {
        var lake = CommonOptions.Lake();
        var target = new Argument<string>("target") { Description = "An access key id (ASIA…/AKIA…), a CloudTrail event id, or a session ARN." };
        var command = new Command("trace", "Print the provenance chain of one session or call: every hop with time, account, role, session name, source IP and evidence.")
        {
            target, lake,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(TraceRunner.Run(context, parse.GetValue(lake)!, parse.GetValue(target)!)));
        return command;
    }
}
