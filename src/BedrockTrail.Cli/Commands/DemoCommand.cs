using System.CommandLine;
using BedrockTrail.Cli.Pipeline;
using BedrockTrail.Lake;
using BedrockTrail.Query;
using BedrockTrail.Query.Output;
using BedrockTrail.Query.Reports;

namespace BedrockTrail.Cli.Commands;

/// <summary>
/// <c>bedrocktrail demo</c>: the whole pipeline on the bundled fixtures (a synthetic organization trail plus real
/// public events), ending in the invocations-by-identity report. No AWS account needed.
/// </summary>
internal static class DemoCommand
{
    public const string FixtureFolder = "fixtures/demo";

    public static Command Create(CliContext context)
    {
        var lake = new Option<string?>("--lake") { Description = "Where to build the demo lake (default: a new folder under the system temp folder).", HelpName = "dir" };
        var fixtures = new Option<string?>("--fixtures") { Description = "The demo source folder (default: fixtures/demo of this repository).", HelpName = "dir" };
        var command = new Command("demo", "Run the whole pipeline on the bundled fixtures and show who invoked which models.")
        {
            lake, fixtures,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(fixtures) ?? FindFixtures()
                ?? throw new UsageException($"cannot find {FixtureFolder}; run from a clone of the repository or pass --fixtures DIR.");
            var lakePath = parse.GetValue(lake) ?? Path.Combine(Path.GetTempPath(), "bedrocktrail-demo-" + context.Time.GetUtcNow().ToUnixTimeSeconds());
            await context.Terminal.Error.WriteLineAsync($"demo: ingesting {source} into {lakePath}").ConfigureAwait(false);
            var request = new IngestRequest { Sources = [source], LakePath = lakePath };
            var exit = await IngestCommand.RunAsync(context, request, cancellationToken).ConfigureAwait(false);
            using var database = LakeDatabase.Open(new LakeLayout(lakePath));
            var report = ReportCatalog.Find("invocations-by-identity")!;
            var result = ReportRunner.Run(database, report, new ReportParameters());
            await context.Terminal.Out.WriteLineAsync("Who invoked which models (report invocations-by-identity):").ConfigureAwait(false);
            await context.Terminal.Out.WriteAsync(ResultRenderer.Render(result, ResultFormat.Table)).ConfigureAwait(false);
            await context.Terminal.Error.WriteLineAsync($"demo: try `bedrocktrail report --list`, or `bedrocktrail query --lake {lakePath} \"SELECT * FROM invocations LIMIT 5\"`").ConfigureAwait(false);
            return exit;
        });
        return command;
    }

    private static string? FindFixtures()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, FixtureFolder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
