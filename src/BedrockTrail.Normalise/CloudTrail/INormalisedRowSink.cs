using BedrockTrail.Lake;

namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>
/// Receives the rows a <see cref="CloudTrailLogDecoder"/> keeps, in record order. Rows arrive as soon as their record
/// is decoded, so a file that later turns out truncated or broken has still delivered its good rows. The sink owns
/// its own failures: an exception thrown here is not a bad record and is not caught by the decoder.
/// </summary>
public interface INormalisedRowSink
{
    void Add(BedrockCall call);

    void Add(CredentialEvent issuance);
}
