using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.Truth;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>
/// A session that makes calls: how it appears in <c>userIdentity</c>, where and when it acts, and what the truth says
/// about it. Noise reuses the same sessions so Bedrock callers also do ordinary work.
/// </summary>
internal sealed class SessionActor
{
    public required CallerIdentity Caller { get; init; }
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required DateTimeOffset ValidFrom { get; init; }
    public required DateTimeOffset ValidTo { get; init; }
    public required string SourceIp { get; init; }
    public required string UserAgent { get; init; }
    public required SessionTruth Truth { get; init; }
    /// <summary>Long-term Bedrock API key calls carry additionalEventData.callWithBearerToken.</summary>
    public bool BearerToken { get; init; }

    public string SessionKey => Truth.SessionKey;

    public string SessionArn => Truth.SessionArn;
}
