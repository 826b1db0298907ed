using System.Text.Json;

namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>Maps one parsed record into rows of a sink; <paramref name="failure"/> says why when it fails.</summary>
internal delegate MapResult RecordMapper<in TSink>(JsonElement record, string sourceObject, TSink sink, out string? failure);

/// <summary>Counts and failures gathered while decoding one object; allocates a failure list only when needed.</summary>
internal sealed class Outcome
{
    private List<RecordFailure>? _failures;

    public int Scanned { get; set; }

    public int Kept { get; set; }

    public static DecodeOutcome Object(ObjectVerdict verdict, string? reason) => new(verdict, 0, 0, [], reason);

    public void Fail(int index, string reason) => (_failures ??= []).Add(new RecordFailure(index, reason));

    /// <summary>Parses one record and hands it to a mapper, counting it as kept or failed: the same for every kind of log.</summary>
    public void ParseAndMap<TSink>(ReadOnlyMemory<byte> record, int index, string sourceObject, TSink sink, RecordMapper<TSink> map)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(record);
        }
        catch (JsonException ex)
        {
            Fail(index, "malformed JSON: " + ex.Message);
            return;
        }

        using (document)
        {
            switch (map(document.RootElement, sourceObject, sink, out var failure))
            {
                case MapResult.Kept:
                    Kept++;
                    break;
                case MapResult.Failed:
                    Fail(index, failure ?? "unreadable record");
                    break;
                default:
                    break;
            }
        }
    }

    public DecodeOutcome Finished() => Build(ObjectVerdict.Ok, null);

    public DecodeOutcome Truncated() =>
        Build(ObjectVerdict.Truncated, $"truncated inside the records after {Scanned} complete records ({Kept} rows salvaged)");

    public DecodeOutcome Broken(string reason) => Build(ObjectVerdict.Malformed, reason + $" ({Scanned} records read, {Kept} rows kept)");

    private DecodeOutcome Build(ObjectVerdict verdict, string? reason) =>
        new(verdict, Scanned, Kept, _failures is null ? [] : _failures.ToArray(), reason);
}
