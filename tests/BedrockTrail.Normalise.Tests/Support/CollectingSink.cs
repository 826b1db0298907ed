using BedrockTrail.Lake;
using BedrockTrail.Normalise.CloudTrail;
using BedrockTrail.Normalise.InvocationLogs;

namespace BedrockTrail.Normalise.Tests.Support;

/// <summary>A sink that keeps every row in arrival order.</summary>
public sealed class CollectingSink : INormalisedRowSink, IInvocationLogSink
{
    public List<BedrockCall> Calls { get; } = [];

    public List<CredentialEvent> Issuances { get; } = [];

    public List<InvocationLogRecord> Invocations { get; } = [];

    /// <summary>Every row, as objects, in arrival order per type.</summary>
    public IEnumerable<object> AllRows => Calls.Cast<object>().Concat(Issuances).Concat(Invocations);

    public void Add(BedrockCall call) => Calls.Add(call);

    public void Add(CredentialEvent issuance) => Issuances.Add(issuance);

    public void Add(InvocationLogRecord record) => Invocations.Add(record);
}
