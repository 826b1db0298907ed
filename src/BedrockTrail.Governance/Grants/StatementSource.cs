using BedrockTrail.Governance.Policies;

namespace BedrockTrail.Governance.Grants;

/// <summary>A statement together with where it reached the principal from.</summary>
internal sealed record StatementSource(PolicyStatement Statement, string Policy, string? ViaGroup);
