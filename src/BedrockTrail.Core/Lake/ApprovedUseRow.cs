namespace BedrockTrail.Lake;

/// <summary>
/// One rule of the approved-use policy file: who (an identity or role pattern) may call which models in which regions,
/// and why. A row of the lake's <c>approved_use</c> table; patterns are kept as written and as anchored regular
/// expressions so SQL can match them.
/// </summary>
public sealed record ApprovedUseRow
{
    public required int RuleIndex { get; init; }
    /// <summary>Glob on the authoritative identity (<c>*@example.com</c>), or null.</summary>
    public string? IdentityPattern { get; init; }
    public string? IdentityRegex { get; init; }
    /// <summary>Glob on the IAM principal: the role or user ARN, or just its name (<c>AWSReservedSSO_DataScience_*</c>).</summary>
    public string? PrincipalPattern { get; init; }
    public string? PrincipalRegex { get; init; }
    /// <summary>Approved model globs; empty means any model.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];
    public IReadOnlyList<string> ModelRegexes { get; init; } = [];
    /// <summary>Approved regions (globs); empty means any region.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<string> RegionRegexes { get; init; } = [];
    /// <summary>The documented purpose; a rule without one approves nothing (the report says so).</summary>
    public string? Purpose { get; init; }
    public required string SourceFile { get; init; }
}
