using BedrockTrail.Synthetic.Output;
using BedrockTrail.Synthetic.Randomness;
using BedrockTrail.Synthetic.Scenarios;
using BedrockTrail.Synthetic.Truth;
using BedrockTrail.Synthetic.World;

namespace BedrockTrail.Synthetic;

/// <summary>
/// Writes a deterministic, realistic CloudTrail corpus (organization trail bucket layout, digests, Bedrock model
/// invocation logs) and returns what the pipeline must conclude from it; the same truth is written as
/// <c>truth.json</c> in the output folder, outside the AWSLogs tree.
/// </summary>
public static class CorpusGenerator
{
    /// <exception cref="ArgumentException">The options are not usable (see <see cref="CorpusOptions.Validate"/>).</exception>
    public static GroundTruth Generate(CorpusOptions options, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        Directory.CreateDirectory(outputFolder);
        var world = new SyntheticWorld(options);
        var plan = new CorpusPlan(world);
        ScenarioPlanner.Plan(new ScenarioContext(world, plan, SeededRandom.Derive(options.Seed, 0)));

        var counters = new WriteCounters();
        var files = new TrailFileWriter(world, plan, outputFolder).WriteAll(counters);
        DigestWriter.WriteAll(world, outputFolder, files, counters);
        InvocationLogWriter.WriteAll(world, outputFolder, plan.InvocationLogs, counters);

        var truth = new GroundTruth
        {
            Options = new CorpusOptionsSummary(options.Seed, options.EventCount, options.StartDate, options.Days, options.OrgId, options.Regions),
            Accounts = world.Accounts,
            Sessions = new SortedDictionary<string, SessionTruth>(plan.Sessions, StringComparer.Ordinal),
            Calls = plan.Calls,
            LlmJacking = plan.Patterns,
            Totals = new TruthTotals
            {
                TrailRecords = counters.TrailRecords,
                DistinctEvents = plan.Records.Count + counters.NoiseEvents,
                BedrockCalls = plan.BedrockCount,
                BedrockInvocations = plan.Records.Count(r => r.Kind == RecordKind.BedrockInvocation),
                CredentialEvents = plan.CredentialCount,
                NoiseEvents = counters.NoiseEvents,
                DuplicateDeliveries = counters.DuplicateDeliveries,
                NextDayDeliveries = counters.NextDayDeliveries,
                InvocationLogRecords = counters.InvocationLogRecords,
                InputTokens = counters.InputTokens,
                OutputTokens = counters.OutputTokens,
                TrailFiles = counters.TrailFiles,
                DigestFiles = counters.DigestFiles,
                InvocationLogFiles = counters.InvocationLogFiles,
            },
        };
        truth.Save(Path.Combine(outputFolder, GroundTruth.FileName));
        return truth;
    }
}
