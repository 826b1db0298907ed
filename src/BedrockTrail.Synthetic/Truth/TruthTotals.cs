namespace BedrockTrail.Synthetic.Truth;

/// <summary>Counts over what was written, for the pipeline's totals to be checked against.</summary>
public sealed record TruthTotals
{
    /// <summary>Records in all trail files, duplicate deliveries included.</summary>
    public long TrailRecords { get; init; }
    /// <summary>Distinct eventIDs in all trail files.</summary>
    public long DistinctEvents { get; init; }
    /// <summary>Distinct Bedrock events (every Bedrock event source: runtime, control plane, agents).</summary>
    public long BedrockCalls { get; init; }
    /// <summary>Of <see cref="BedrockCalls"/>, the model invocations (InvokeModel, InvokeModelWithResponseStream, Converse, ConverseStream).</summary>
    public long BedrockInvocations { get; init; }
    /// <summary>Distinct credential-issuing events (STS and Identity Center GetRoleCredentials), both copies of a cross-account AssumeRole counted.</summary>
    public long CredentialEvents { get; init; }
    public long NoiseEvents { get; init; }
    /// <summary>Records delivered a second time in another file (same eventID).</summary>
    public long DuplicateDeliveries { get; init; }
    /// <summary>Records whose file sits under a later date folder than their eventTime's date.</summary>
    public long NextDayDeliveries { get; init; }
    public long InvocationLogRecords { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public int TrailFiles { get; init; }
    public int DigestFiles { get; init; }
    public int InvocationLogFiles { get; init; }
}
