using BedrockTrail.Lake;
using BedrockTrail.Normalise.CloudTrail;
using BedrockTrail.Normalise.InvocationLogs;

namespace BedrockTrail.Cli.Pipeline;

/// <summary>
/// The rows decoded from one object, held until the object is done so that a retried read never hands the lake the
/// same rows twice.
/// </summary>
internal sealed class ObjectRows : INormalisedRowSink, IInvocationLogSink
{
    public List<BedrockCall> Calls { get; } = [];

    public List<CredentialEvent> Credentials { get; } = [];

    public List<InvocationLogRecord> InvocationLogs { get; } = [];

    public void Add(BedrockCall call) => Calls.Add(call);

    public void Add(CredentialEvent issuance) => Credentials.Add(issuance);

    public void Add(InvocationLogRecord record) => InvocationLogs.Add(record);

    public void Clear()
    {
        Calls.Clear();
        Credentials.Clear();
        InvocationLogs.Clear();
    }
}
