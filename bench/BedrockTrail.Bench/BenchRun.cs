using System.Globalization;
using BedrockTrail.Synthetic;
using BedrockTrail.TestSupport.S3;

namespace BedrockTrail.Bench;

/// <summary>The benchmark run: every figure issue 6 asks for, printed beside its target.</summary>
internal static class BenchRun
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var work = Path.GetFullPath(options.Work);
        var cli = Path.GetFullPath(options.Cli ?? Path.Combine(AppContext.BaseDirectory, "bedrocktrail.dll"));
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"no bedrocktrail at {cli}: run `make publish` (native) or `make build`", cli);
        }

        Console.Error.WriteLine($"bench: measuring {cli}");
        var corpus = EnsureCorpus(work, options.Events);
        if (options.OnlyGenerate)
        {
            // For measuring by hand (e.g. peak memory at 5M events) without the whole bench.
            Console.WriteLine(corpus);
            return 0;
        }

        var report = new BenchReport();

        // One untimed pass first: it warms the page cache. The limit is then measured once per run, alternated with
        // the runs it is compared with, and its median is taken as theirs is: a shared machine drifts by 20 % within
        // the hour, and a best-of pass set against a median credited the limit with the best moment only.
        var (decompressed, _) = DecompressionLimit.Run(corpus);
        var limitPasses = new List<double>();

        // One untimed run of each first: the first start of a freshly built binary reads it (and libduckdb) from
        // disk, which a user's every later run does not; measured here as 3.2 s against 2.0 s for the next runs.
        var warmLake = Path.Combine(work, "lake-warm-up");
        DeleteIfExists(warmLake);
        Measure.Cli(cli, ["ingest", "--source", corpus, "--lake", warmLake]);
        var warmBaseline = Path.Combine(work, "duckdb-warm-up");
        DeleteIfExists(warmBaseline);
        DuckDbBaseline.Run(corpus, warmBaseline);
        Console.Error.WriteLine("bench: warm-up runs done (not counted)");

        var ours = new List<double>();
        var duck = new List<double>();
        Measure.CliRun? last = null;
        var lake = string.Empty;
        for (var run = 0; run < options.Runs; run++)
        {
            lake = Path.Combine(work, "lake-" + run.ToString(CultureInfo.InvariantCulture));
            DeleteIfExists(lake);
            limitPasses.Add(DecompressionLimit.Run(corpus).Elapsed.TotalSeconds);
            last = Measure.Cli(cli, ["ingest", "--source", corpus, "--lake", lake]);
            ours.Add(last.Elapsed.TotalSeconds);
            var baselineOut = Path.Combine(work, "duckdb-" + run.ToString(CultureInfo.InvariantCulture));
            DeleteIfExists(baselineOut);
            duck.Add(DuckDbBaseline.Run(corpus, baselineOut).TotalSeconds);
            Console.Error.WriteLine($"bench: run {run + 1}/{options.Runs}: bedrocktrail {ours[^1]:N2} s, duckdb read_json {duck[^1]:N2} s");
        }

        var limitElapsed = limitPasses.Order().ElementAt(limitPasses.Count / 2);
        var limit = decompressed / limitElapsed;
        report.Add("decompression limit (all cores, median of passes alternated with the runs)", $"{decompressed / 1e6:N0} MB of JSON in {limitElapsed:N2} s = {limit / 1e6:N0} MB/s", "reference");
        var events = last!.EventsScanned;
        var ratios = ours.Zip(duck, (o, d) => d / o).Order().ToList();
        var medianRatio = ratios[ratios.Count / 2];
        var oursMedian = ours.Order().ElementAt(ours.Count / 2);
        var duckMedian = duck.Order().ElementAt(duck.Count / 2);
        report.Add("bedrocktrail ingest (folder, incl. resolution)", $"{oursMedian:N2} s = {events / oursMedian:N0} events/s", string.Empty);
        report.Add("duckdb read_json baseline", $"{duckMedian:N2} s = {events / duckMedian:N0} events/s", string.Empty);
        report.Add("speed-up over duckdb (median of alternating runs)", $"{medianRatio:N1}x", ">= 5x");
        var throughput = last.DecompressedBytes / oursMedian;
        report.Add("ingest throughput vs decompression limit", $"{throughput / 1e6:N0} MB/s = {throughput / limit:P0} of the limit", ">= 33 %");
        report.Add($"peak memory at {events:N0} events", $"{last.PeakMemoryBytes / 1e6:N0} MB", "< 300 MB");

        // A first ingest resolves from the rows it gathered; a later one (and `resolve`) reads the lake back through
        // DuckDB. This is what that read-back costs on the same lake.
        var readBack = Measure.Cli(cli, ["resolve", "--lake", lake]);
        report.Add("  resolve, reading that lake back (as a later ingest does)", $"{readBack.Elapsed.TotalSeconds:N2} s", "reference");

        if (options.S3)
        {
            var s3 = await S3PathAsync(cli, corpus, work, cancellationToken).ConfigureAwait(false);
            var aloneThroughput = last.DecompressedBytes / s3.Folder;
            report.Add("ingest alone (--no-resolve, one run) vs decompression limit", $"{s3.Folder:N2} s = {aloneThroughput / 1e6:N0} MB/s = {aloneThroughput / limit:P0} of the limit", ">= 33 %");
            report.Add("S3 path over s3rver vs folder", $"{s3.S3:N2} s vs {s3.Folder:N2} s = {s3.S3 / s3.Folder:N2}x", "<= 1.5x");

            // s3rver is one Node.js process: when it is busy for most of the S3 run, the figure above is its ceiling,
            // not the client's.
            report.Add(
                "  of which s3rver itself (one Node process)",
                $"{s3.ServerCpu:N2} CPU-s = {s3.ServerCpu / s3.S3:P0} of a core, {s3.ServerCpu * 1000 / Math.Max(1, s3.Gets):N2} ms per GET",
                "reference");
        }

        var resolution = ResolveBench.Run(options.ResolveSessions);
        report.Add(
            $"resolution of {resolution.Resolved:N0} sessions (3 hops each)",
            $"{resolution.Median.TotalSeconds:N2} s, median of {string.Join(" / ", resolution.Runs.Select(r => r.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture)))} ({resolution.Correct:N0} resolved to their IAM user)",
            "< 5 s");

        Console.WriteLine(report.Render($"BedrockTrail bench: {events:N0} events in {DecompressionLimit.CloudTrailFiles(corpus).Count:N0} files, {Environment.ProcessorCount} cores"));
        return 0;
    }

    private static string EnsureCorpus(string work, int events)
    {
        var corpus = Path.Combine(work, "corpus-" + events.ToString(CultureInfo.InvariantCulture));
        if (File.Exists(Path.Combine(corpus, "truth.json")))
        {
            Console.Error.WriteLine($"bench: reusing corpus {corpus}");
            return corpus;
        }

        DeleteIfExists(corpus);
        Console.Error.WriteLine($"bench: generating {events:N0} events into {corpus} (kept for later runs)");
        CorpusGenerator.Generate(CorpusOptions.Bench(events), corpus);
        return corpus;
    }

    private static async Task<(double Folder, double S3, double ServerCpu, int Gets)> S3PathAsync(string cli, string corpus, string work, CancellationToken cancellationToken)
    {
        await using var server = await S3rverServer.StartAsync().ConfigureAwait(false);
        var bucket = server.CreateBucket("bench");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(corpus, "AWSLogs"), "*", SearchOption.AllDirectories))
        {
            server.SeedObject(bucket, Path.GetRelativePath(corpus, file).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes(file));
        }

        var folderLake = Path.Combine(work, "lake-folder");
        var s3Lake = Path.Combine(work, "lake-s3");
        DeleteIfExists(folderLake);
        DeleteIfExists(s3Lake);
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = S3rverServer.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = S3rverServer.SecretAccessKey,
            ["AWS_REGION"] = "us-east-1",
        };
        var folder = Measure.Cli(cli, ["ingest", "--source", corpus, "--lake", folderLake, "--no-resolve"]);
        var serverCpuBefore = server.ServerProcessorTime;
        var s3 = Measure.Cli(cli, ["ingest", "--source", "s3://" + bucket, "--lake", s3Lake, "--no-resolve", "--endpoint-url", server.ServiceUrl.ToString()], environment);
        var serverCpu = server.ServerProcessorTime - serverCpuBefore;
        cancellationToken.ThrowIfCancellationRequested();
        return (folder.Elapsed.TotalSeconds, s3.Elapsed.TotalSeconds, serverCpu.TotalSeconds, s3.ObjectsRead);
    }

    private static void DeleteIfExists(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
