using System.CommandLine;
using System.Runtime;
using BedrockTrail.Cli.Console;
using BedrockTrail.Cli.Pipeline;
using BedrockTrail.Ingest.Retry;
using BedrockTrail.Ingest.Sources;
using BedrockTrail.Lake;
using BedrockTrail.Normalise.LakeWriting;
using BedrockTrail.Query;

namespace BedrockTrail.Cli.Commands;

/// <summary><c>bedrocktrail ingest --source ... --lake DIR</c>: append what is new, then bring resolution up to date.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Option<string[]>("--source")
        {
            Description = "A folder laid out like a CloudTrail bucket (AWSLogs/...) or s3://bucket[/prefix]. Repeat it for model invocation logs kept in another bucket.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            HelpName = "dir|s3://bucket/prefix",
        };
        var lake = CommonOptions.Lake();
        var since = new Option<string?>("--since") { Description = "Only events at or after this UTC date or timestamp (2024-10-01 or 2024-10-01T12:00:00Z). Only the day folders needed are listed.", HelpName = "T" };
        var until = new Option<string?>("--until") { Description = "Only events before this UTC timestamp; a bare date includes that whole day.", HelpName = "T" };
        var accounts = new Option<string[]>("--accounts") { Description = "Only these 12-digit account ids (comma-separated or repeated).", HelpName = "ids", AllowMultipleArgumentsPerToken = true };
        var regions = new Option<string[]>("--regions") { Description = "Only these regions (comma-separated or repeated).", HelpName = "names", AllowMultipleArgumentsPerToken = true };
        var concurrency = new Option<int?>("--concurrency") { Description = "Objects fetched and decoded at once (default: 4 per core, at least 4; S3 latency is hidden by concurrency)." };
        var endpoint = new Option<string?>("--endpoint-url") { Description = "An S3-compatible endpoint (e.g. http://127.0.0.1:4568 for a local test server); path-style addressing is used.", HelpName = "url" };
        var region = new Option<string?>("--region") { Description = "The bucket's AWS region (default: from AWS_REGION or the profile)." };
        var profile = new Option<string?>("--profile") { Description = "A profile from ~/.aws/config (SSO and assume-role profiles work). Default: the standard chain (environment, AWS_PROFILE, instance role)." };
        var noResolve = new Option<bool>("--no-resolve") { Description = "Skip identity resolution after ingest (run `bedrocktrail resolve` later)." };
        var users = new Option<string?>("--identity-center-users") { Description = "CSV (user_id,user_name) that turns Identity Center user ids into names.", HelpName = "file" };
        var command = new Command("ingest", "Read CloudTrail log files (and Bedrock model invocation logs) into the lake. Re-running over the same source adds nothing.")
        {
            source, lake, since, until, accounts, regions, concurrency, endpoint, region, profile, noResolve, users,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new IngestRequest
            {
                Sources = parse.GetValue(source)!,
                LakePath = parse.GetValue(lake)!,
                Window = TimeWindow.Parse(parse.GetValue(since), parse.GetValue(until)),
                Accounts = SplitList(parse.GetValue(accounts)),
                Regions = SplitList(parse.GetValue(regions)),
                Concurrency = parse.GetValue(concurrency) switch
                {
                    null => IngestRequest.DefaultConcurrency,
                    > 0 and var c => c,
                    _ => throw new UsageException("--concurrency must be at least 1."),
                },
                S3 = new S3Settings(ParseEndpoint(parse.GetValue(endpoint)), parse.GetValue(region), parse.GetValue(profile)),
                Resolve = !parse.GetValue(noResolve),
                IdentityCenterUsersFile = parse.GetValue(users),
            };
            return await RunAsync(context, request, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, IngestRequest request, CancellationToken cancellationToken)
    {
        IngestSummary summary;
        try
        {
            summary = context.Terminal.ErrorIsTerminal
                ? await TerminalProgress.RunAsync(context.Terminal.Error, context.Time, progress => IngestAndResolveAsync(context, request, progress, cancellationToken)).ConfigureAwait(false)
                : await IngestAndResolveAsync(context, request, new ThrottledProgress(context.Terminal, context.Time), cancellationToken).ConfigureAwait(false);
        }
        catch (LogSourceException e)
        {
            throw new UsageException(e.Message, e);
        }
        catch (LakeBusyException e)
        {
            throw new UsageException(e.Message, e);
        }

        using (var self = System.Diagnostics.Process.GetCurrentProcess())
        {
            summary.PeakMemoryBytes = self.PeakWorkingSet64;
        }

        await context.Terminal.Error.WriteAsync(SummaryText.Render(summary)).ConfigureAwait(false);
        foreach (var empty in summary.SourcesWithoutLogs)
        {
            await context.Terminal.Error.WriteLineAsync(
                $"warning: no CloudTrail or model invocation log files under {empty}{(request.Window == TimeWindow.All ? string.Empty : " in the --since/--until window")}. " +
                "Point --source at the bucket (or prefix) that holds AWSLogs/, e.g. s3://my-trail-bucket or s3://my-trail-bucket/control-tower-prefix.").ConfigureAwait(false);
        }

        if (summary.ObjectsListed == 0)
        {
            return ExitCodes.UsageOrNothingDone;
        }

        return summary.HadProblems ? ExitCodes.CompletedWithProblems : ExitCodes.Success;
    }

    /// <summary>A managed heap from which returning ingest's garbage before resolution is worth a full collection.</summary>
    private const long LargeHeapBytes = 128L << 20;

    private static async Task<IngestSummary> IngestAndResolveAsync(CliContext context, IngestRequest request, IIngestProgress progress, CancellationToken cancellationToken)
    {
        var retry = new ObjectRetryPolicy(new ObjectRetryOptions(), context.Time);
        // DuckDB is only needed if resolution must read the lake back: load it while ingest reads, unless the lake has
        // no sessions yet (then this run's rows are resolved from memory). A wrong guess costs time, not correctness.
        var lake = new LakeLayout(request.LakePath);
        var readsLakeBack = request.Resolve && lake.HoldsSessionRows();
        var duckDbLoaded = readsLakeBack ? Task.Run(LakeDatabase.WarmUp, cancellationToken) : Task.CompletedTask;
        var run = new IngestRun(request, retry, context.Time, progress);
        var summary = await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (request.Resolve)
        {
            // A failure to load DuckDB surfaces here, with the same error resolution itself would give.
            await duckDbLoaded.ConfigureAwait(false);

            // Ingest's row buffers and decompression buffers are garbage now. On a large run, returning their memory
            // before resolution builds its index makes the run's peak nearer the larger of the two stages than their
            // sum (5M events: 429 -> 387 MB when it was measured). On a small heap the collection only costs time.
            if (GC.GetGCMemoryInfo().HeapSizeBytes >= LargeHeapBytes)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }

            var resolved = await ResolveStage.RunAsync(lake, request.IdentityCenterUsersFile, run.RowsForResolution, cancellationToken).ConfigureAwait(false);
            summary.SessionsResolved = resolved.Count;
        }

        return summary;
    }

    private static HashSet<string>? SplitList(string[]? values)
    {
        var items = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
        return items.Count == 0 ? null : items;
    }

    private static Uri? ParseEndpoint(string? text) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri
        : throw new UsageException($"--endpoint-url '{text}' is not an http(s) URL.");
}
