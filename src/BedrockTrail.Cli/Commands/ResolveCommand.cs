using System.CommandLine;
using System.Globalization;
using BedrockTrail.Cli.Pipeline;
using BedrockTrail.Lake;

namespace BedrockTrail.Cli.Commands;

/// <summary><c>bedrocktrail resolve --lake DIR</c>: rebuild identity resolution from the lake.</summary>
internal static class ResolveCommand
{
    public static Command Create(CliContext context)
    {
        var lake = CommonOptions.Lake();
        var users = new Option<string?>("--identity-center-users") { Description = "CSV (user_id,user_name) that turns Identity Center user ids into names.", HelpName = "file" };
        var command = new Command("resolve", "Rebuild the identities table: walk every session in bedrock_calls back to the person or workload behind it.")
        {
            lake, users,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var lakePath = parse.GetValue(lake)!;
            if (!Directory.Exists(lakePath))
            {
                throw new UsageException($"No lake at {lakePath}. Create one with: bedrocktrail ingest --source <dir|s3://bucket/prefix> --lake {lakePath}");
            }

            var started = context.Time.GetTimestamp();
            var results = await ResolveStage.RunAsync(new LakeLayout(lakePath), parse.GetValue(users), cancellationToken).ConfigureAwait(false);
            var byStatus = results.GroupBy(r => r.Row.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            await context.Terminal.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"resolved {results.Count:N0} sessions in {context.Time.GetElapsedTime(started).TotalSeconds:N1} s ({string.Join(", ", byStatus)})")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
