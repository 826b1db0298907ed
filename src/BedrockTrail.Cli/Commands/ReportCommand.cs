using System.CommandLine;
using BedrockTrail.Cli.Pipeline;
using BedrockTrail.Query.Output;
using BedrockTrail.Query.Pricing;
using BedrockTrail.Query.Reports;

namespace BedrockTrail.Cli.Commands;

/// <summary><c>bedrocktrail report NAME --lake DIR</c>: a named report from <c>queries/</c>; <c>--list</c> names them.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string?>("name") { Description = "The report to run (see --list).", Arity = ArgumentArity.ZeroOrOne };
        var list = new Option<bool>("--list") { Description = "List every report with one line saying what it answers." };
        var lake = CommonOptions.Lake();
        lake.Required = false;
        var from = new Option<string?>("--from") { Description = "Only calls at or after this UTC date or timestamp.", HelpName = "T" };
        var to = new Option<string?>("--to") { Description = "Only calls before this UTC timestamp (a bare date includes that whole day).", HelpName = "T" };
        var model = new Option<string?>("--model") { Description = "Only this model (as called, or its base model id)." };
        var identity = new Option<string?>("--identity") { Description = "Only this authoritative identity (e.g. alice@example.com)." };
        var account = new Option<string?>("--account") { Description = "Only calls recorded in this account." };
        var accessKey = new Option<string?>("--access-key") { Description = "Only calls made with this access key." };
        var pricing = new Option<string?>("--pricing") { Description = "Price list CSV (model_id,input_per_1k,output_per_1k,source,as_of) instead of the shipped fixtures/pricing.csv.", HelpName = "file" };
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var command = new Command("report", "Run a named report for incident response, FinOps or governance. Reports: " + string.Join(", ", ReportCatalog.All.Select(r => r.Name)) + " (report --list says what each answers).")
        {
            name, list, lake, from, to, model, identity, account, accessKey, pricing, format, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(list))
            {
                await context.Terminal.Out.WriteAsync(ListText()).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var reportName = parse.GetValue(name) ?? throw new UsageException("name a report, or use --list to see them.");
            var report = ReportCatalog.Find(reportName)
                ?? throw new UsageException($"no report named '{reportName}'. Reports: {string.Join(", ", ReportCatalog.All.Select(r => r.Name))}.");
            var lakePath = parse.GetValue(lake) ?? throw new UsageException("--lake is required to run a report.");
            var window = TimeWindow.Parse(parse.GetValue(from), parse.GetValue(to));
            var parameters = new ReportParameters(
                window.Since?.UtcDateTime,
                window.Until?.UtcDateTime,
                parse.GetValue(model),
                parse.GetValue(identity),
                parse.GetValue(account),
                parse.GetValue(accessKey));
            var prices = await LoadPricesAsync(parse.GetValue(pricing), cancellationToken).ConfigureAwait(false);
            var chosenFormat = parse.GetValue(format);
            using var database = LakeAccess.OpenExisting(lakePath);
            var result = ReportRunner.Run(database, report, parameters, prices);
            var page = ReportRunner.Page(database, report, parameters, result, withCharts: chosenFormat == ResultFormat.Html, prices);
            if (chosenFormat is ResultFormat.Csv or ResultFormat.Json || !string.IsNullOrEmpty(parse.GetValue(output)))
            {
                // Data formats stay pure for scripts, and a file written with --out should still be qualified on screen.
                foreach (var note in page.Notes)
                {
                    await context.Terminal.Error.WriteLineAsync("note: " + note).ConfigureAwait(false);
                }
            }

            await WriteAsync(context.Terminal, ResultRenderer.Render(result, chosenFormat, report.Name, page), result.Rows.Count, parse.GetValue(output), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Like <see cref="ResultOutput"/>, for text that already carries the report's notes and charts.</summary>
    private static async Task WriteAsync(CliTerminal terminal, string text, int rows, string? outFile, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(outFile))
        {
            await terminal.Out.WriteAsync(text).ConfigureAwait(false);
            await terminal.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(outFile));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(outFile, text, cancellationToken).ConfigureAwait(false);
        await terminal.Error.WriteLineAsync($"wrote {rows} rows to {outFile}").ConfigureAwait(false);
    }

    private static async Task<PriceList?> LoadPricesAsync(string? file, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        if (!File.Exists(file))
        {
            throw new UsageException($"no price list at {file}.");
        }

        var prices = PriceList.Parse(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), file);
        return prices.Prices.Count == 0
            ? throw new UsageException($"{file} holds no usable price: {string.Join("; ", prices.Problems)}")
            : prices;
    }

    internal static string ListText()
    {
        var width = ReportCatalog.All.Max(r => r.Name.Length);
        return string.Concat(ReportCatalog.All.Select(r => $"{r.Name.PadRight(width)}  {r.Description}{(r.Audience.Length > 0 ? " [" + r.Audience + "]" : string.Empty)}\n"));
    }
}
