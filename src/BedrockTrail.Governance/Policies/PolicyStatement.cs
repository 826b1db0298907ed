namespace BedrockTrail.Governance.Policies;

/// <summary>
/// One statement of an identity-based policy, as far as this evaluation needs it. <c>Principal</c> is absent in
/// identity policies; <c>Condition</c> is recorded but not evaluated.
/// </summary>
internal sealed record PolicyStatement(
    string Label,
    bool IsAllow,
    IReadOnlyList<string> Actions,
    bool IsNotAction,
    IReadOnlyList<string> Resources,
    bool IsNotResource,
    bool HasCondition)
{
    public string Effect => IsAllow ? "Allow" : "Deny";
}
