namespace BedrockTrail.Cli.Pipeline;

/// <summary>Told after every object; implementations decide how often to show it (one method, as Serilog's sinks).</summary>
internal interface IIngestProgress
{
    void Update(IngestSummary summary);
}
