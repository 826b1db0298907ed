using BedrockTrail.Governance.Policies;

namespace BedrockTrail.Governance.Grants;

/// <summary>
/// One expanded (action, resource) of one statement before Deny is applied. For a <c>NotResource</c> statement the
/// resource is <c>*</c> and <see cref="Exceptions"/> holds the excluded patterns.
/// </summary>
internal sealed record CandidateGrant(
    StatementSource Source,
    BedrockAction Action,
    string ActionAsWritten,
    string Resource,
    IReadOnlyList<string> Exceptions)
{
    public bool IsAllow => Source.Statement.IsAllow;

    public bool IsConditional => Source.Statement.HasCondition;

    public string Origin => (Source.ViaGroup is null ? string.Empty : "group " + Source.ViaGroup + " ") + Source.Policy + " " + Source.Statement.Label;
}
