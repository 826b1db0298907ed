using BedrockTrail.Resolve.Provenance;

namespace BedrockTrail.Resolve.Credentials;

/// <summary>What the index found for one session: nothing, one issuing call (and how it was linked), or a tie.</summary>
internal readonly record struct IssuerMatch(CredentialIssuance? Issuance, string Evidence, int Candidates)
{
    public static IssuerMatch None { get; } = new(null, EvidenceWords.MissingIssuer, 0);

    public bool Found => Issuance is not null;

    public bool Ambiguous => Issuance is null && Candidates > 1;

    public static IssuerMatch One(CredentialIssuance issuance, string evidence) => new(issuance, evidence, 1);

    public static IssuerMatch Tie(int candidates) => new(null, EvidenceWords.AmbiguousOf(candidates), candidates);
}
