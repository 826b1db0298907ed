using BedrockTrail.Ingest.Sources;
using BedrockTrail.Normalise;

namespace BedrockTrail.Cli.Pipeline;

/// <summary>What reading and decoding one object gave: its rows, and whatever went wrong with it.</summary>
/// <param name="ObjectProblem">Why the object as a whole could not be (fully) read; null when it was.</param>
/// <param name="Transient">The problem was the network or the service, not the object: it is read again next run.</param>
internal sealed record ObjectResult(
    SourceObject Object,
    ObjectRows Rows,
    int RecordsScanned,
    IReadOnlyList<RecordFailure> RecordFailures,
    string? ObjectProblem,
    bool Transient,
    long DecompressedBytes)
{
    public static ObjectResult Failed(SourceObject obj, string problem, bool transient) =>
        new(obj, new ObjectRows(), 0, [], problem, transient, 0);
}
