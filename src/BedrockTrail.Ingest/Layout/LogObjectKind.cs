namespace BedrockTrail.Ingest.Layout;

/// <summary>What an object under a log source holds, judged from its key alone.</summary>
public enum LogObjectKind
{
    /// <summary>A gzipped CloudTrail log file: <c>{"Records":[...]}</c>.</summary>
    CloudTrailLog,

    /// <summary>A gzipped batch of Bedrock model invocation log records, one JSON document per line.</summary>
    InvocationLog,

    /// <summary>Anything else; <see cref="LogObjectKey.SkipReason"/> says why it is not read.</summary>
    Skipped,
}
