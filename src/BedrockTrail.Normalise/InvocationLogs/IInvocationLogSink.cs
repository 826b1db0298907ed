using BedrockTrail.Lake;

namespace BedrockTrail.Normalise.InvocationLogs;

/// <summary>Receives the rows an <see cref="InvocationLogDecoder"/> keeps, in record order, as soon as each is decoded.</summary>
public interface IInvocationLogSink
{
    void Add(InvocationLogRecord record);
}
