using Amazon.S3;
using BedrockTrail.Ingest.Retry;
using Microsoft.Extensions.Time.Testing;

namespace BedrockTrail.Ingest.Tests.Retry;

public sealed class ObjectRetryPolicyTests
{
    [Fact]
    public async Task ExecuteAsync_TransientThenSuccess_BacksOffExponentiallyOnInjectedClock()
    {
        // Given a fake clock, no jitter, and work that fails three times with IOException
        var time = new FakeTimeProvider();
        var delays = new List<TimeSpan>();
        var policy = new ObjectRetryPolicy(
            new ObjectRetryOptions { UseJitter = false, BaseDelay = TimeSpan.FromSeconds(1), OnRetry = (_, _, d) => delays.Add(d) },
            time);
        var attempts = 0;

        // When
        var run = policy.ExecuteAsync(
            _ => ++attempts <= 3 ? throw new IOException("reset") : ValueTask.FromResult("ok"),
            CancellationToken.None).AsTask();
        while (!run.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        // Then
        Assert.Equal("ok", await run);
        Assert.Equal(4, attempts);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], delays);
    }

    [Fact]
    public async Task ExecuteAsync_SeededJitter_GivesSameDelaysEachRun()
    {
        static async Task<List<TimeSpan>> Run()
        {
            var random = new Random(42);
            var delays = new List<TimeSpan>();
            var policy = new ObjectRetryPolicy(
                new ObjectRetryOptions { MaxAttempts = 4, BaseDelay = TimeSpan.Zero, Randomizer = random.NextDouble, OnRetry = (_, _, d) => delays.Add(d) },
                TimeProvider.System);
            await Assert.ThrowsAsync<TimeoutException>(async () =>
                await policy.ExecuteAsync<int>(_ => throw new TimeoutException(), CancellationToken.None));
            return delays;
        }

        Assert.Equal(await Run(), await Run());
    }

    [Fact]
    public async Task ExecuteAsync_PersistentTransient_StopsAfterMaxAttempts()
    {
        var policy = new ObjectRetryPolicy(new ObjectRetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.Zero }, TimeProvider.System);
        var attempts = 0;

        await Assert.ThrowsAsync<IOException>(async () =>
            await policy.ExecuteAsync<int>(_ => { attempts++; throw new IOException("reset"); }, CancellationToken.None));

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task ExecuteAsync_NotFound_IsNotRetried()
    {
        var policy = new ObjectRetryPolicy(new ObjectRetryOptions { BaseDelay = TimeSpan.Zero }, TimeProvider.System);
        var attempts = 0;

        await Assert.ThrowsAsync<AmazonS3Exception>(async () => await policy.ExecuteAsync<int>(
            _ =>
            {
                attempts++;
                throw new AmazonS3Exception("nope", Amazon.Runtime.ErrorType.Sender, "NoSuchKey", "r", System.Net.HttpStatusCode.NotFound);
            },
            CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public void Constructor_ZeroAttempts_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ObjectRetryPolicy(new ObjectRetryOptions { MaxAttempts = 0 }, TimeProvider.System));
}
