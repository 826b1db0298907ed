namespace BedrockTrail.Ingest.Retry;

/// <summary>How hard to retry one unit of work against a log source. Defaults suit S3's 503 SlowDown guidance.</summary>
public sealed record ObjectRetryOptions
{
    /// <summary>Total tries including the first; 1 means no retry. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first backoff; each later one doubles, with jitter (S3 asks for exponential backoff on 503).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    public bool UseJitter { get; init; } = true;

    /// <summary>Random numbers in [0, 1) for the jitter; null uses Polly's own. Tests pass a seeded one.</summary>
    public Func<double>? Randomizer { get; init; }

    /// <summary>Called before each retry with the fault, the number of the attempt that failed (1-based) and the delay.</summary>
    public Action<Exception, int, TimeSpan>? OnRetry { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
    }
}
