using BedrockTrail.Bench;

// `make bench`: generates (once) a deterministic corpus, then measures ingest against DuckDB's read_json, the
// decompression limit, peak memory, the S3 path over s3rver, and resolution of a million sessions. No thresholds
// here: the figures and the targets are printed side by side.
var options = BenchOptions.Parse(args);
if (options.GenerateDemo is { } demoFolder)
{
    DemoFixture.Generate(demoFolder);
    return 0;
}

if (options.OnlyResolve)
{
    var (median, _, resolved, correct) = ResolveBench.Run(options.ResolveSessions);
    Console.WriteLine($"resolution of {resolved:N0} sessions: {median.TotalSeconds:N2} s, the median of the runs above ({correct:N0} correct)");
    return 0;
}

return await BenchRun.RunAsync(options, CancellationToken.None);
