namespace BedrockTrail.Governance.AuthorizationDetails;

/// <summary>Input that could not be imported, with where it was: the file and, when known, the principal and policy.</summary>
public sealed record ImportProblem(string SourceFile, string? Principal, string Reason)
{
    public override string ToString() => Principal is null ? $"{SourceFile}: {Reason}" : $"{SourceFile}: {Principal}: {Reason}";
}
