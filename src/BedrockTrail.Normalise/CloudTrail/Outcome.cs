namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>Counts and failures gathered while decoding one object; allocates a failure list only when needed.</summary>
internal sealed class Outcome
{
    private List<RecordFailure>? _failures;

    public int Scanned { get; set; }

    public int Kept { get; set; }

    public static DecodeOutcome Object(ObjectVerdict verdict, string? reason) => new(verdict, 0, 0, [], reason);

    public void Fail(int index, string reason) => (_failures ??= []).Add(new RecordFailure(index, reason));

    public DecodeOutcome Finished() => Build(ObjectVerdict.Ok, null);

    public DecodeOutcome Truncated() =>
        Build(ObjectVerdict.Truncated, $"truncated inside the records after {Scanned} complete records ({Kept} rows salvaged)");

    public DecodeOutcome Broken(string reason) => Build(ObjectVerdict.Malformed, reason + $" ({Scanned} records read, {Kept} rows kept)");

    private DecodeOutcome Build(ObjectVerdict verdict, string? reason) =>
        new(verdict, Scanned, Kept, _failures is null ? [] : _failures.ToArray(), reason);
}
