namespace BedrockTrail.Synthetic.Output;

/// <summary>A log file written, as its digest lists it.</summary>
internal sealed record DeliveredFile(string Account, string Region, string Key, DateTimeOffset Delivered, string Sha256Hex, DateTimeOffset Oldest, DateTimeOffset Newest);

/// <summary>Counters the writers fill in while writing.</summary>
internal sealed class WriteCounters
{
    public long TrailRecords { get; set; }
    public long NoiseEvents { get; set; }
    public long DuplicateDeliveries { get; set; }
    public long NextDayDeliveries { get; set; }
    public int TrailFiles { get; set; }
    public int DigestFiles { get; set; }
    public int InvocationLogFiles { get; set; }
    public long InvocationLogRecords { get; set; }
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
}
