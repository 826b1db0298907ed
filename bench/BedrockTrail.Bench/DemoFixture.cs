using BedrockTrail.Synthetic;

namespace BedrockTrail.Bench;

/// <summary>Regenerates fixtures/demo (`make fixtures`): the synthetic organization trail `make demo` ingests.</summary>
internal static class DemoFixture
{
    public static void Generate(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var truth = CorpusGenerator.Generate(CorpusOptions.Demo(), folder);
        Console.Error.WriteLine($"demo fixture: {truth.Totals.BedrockCalls} Bedrock calls, {truth.Totals.CredentialEvents} credential events, {truth.Sessions.Count} sessions in {folder}");
    }
}
