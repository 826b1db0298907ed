using Polly;
using Polly.Retry;

namespace BedrockTrail.Ingest.Retry;

/// <summary>
/// Retries one unit of work against a log source: typically "get the object, decompress it, parse it", so a body
/// cut short is fetched again whole. The AWS SDK's own retries are off (MaxErrorRetry = 0) so the two never
/// multiply; this is the only retry layer.
/// </summary>
public sealed class ObjectRetryPolicy
{
    public ObjectRetryPolicy(ObjectRetryOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        Options = options;
        Pipeline = Build(options, timeProvider);
    }

    public ObjectRetryOptions Options { get; }

    /// <summary>The Polly pipeline, for callers that compose their own unit of work.</summary>
    public ResiliencePipeline Pipeline { get; }

    /// <summary>Default options on the system clock.</summary>
    public static ObjectRetryPolicy CreateDefault() => new(new ObjectRetryOptions(), TimeProvider.System);

    /// <summary>No retries: every fault surfaces at once.</summary>
    public static ObjectRetryPolicy None { get; } = new(new ObjectRetryOptions { MaxAttempts = 1 }, TimeProvider.System);

    /// <summary>Runs <paramref name="work"/>, again after a backoff while it fails transiently, at most MaxAttempts times.</summary>
    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken) =>
        Pipeline.ExecuteAsync(work, cancellationToken);

    private static ResiliencePipeline Build(ObjectRetryOptions options, TimeProvider timeProvider)
    {
        if (options.MaxAttempts == 1)
        {
            return ResiliencePipeline.Empty;
        }

        var retry = new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is { } e && TransientFaults.IsTransient(e, args.Context.CancellationToken)),
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = options.UseJitter,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
        };
        if (options.Randomizer is { } randomizer)
        {
            retry.Randomizer = randomizer;
        }

        if (options.OnRetry is { } onRetry)
        {
            retry.OnRetry = args =>
            {
                onRetry(args.Outcome.Exception!, args.AttemptNumber + 1, args.RetryDelay);
                return ValueTask.CompletedTask;
            };
        }

        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddRetry(retry).Build();
    }
}
