namespace BedrockTrail.Governance.Policies;

/// <summary>A Bedrock-related IAM action the governance report cares about, with what it lets the holder do.</summary>
internal sealed record BedrockAction(string Name, string Category, string? AdminArea, bool NamedOnly = false, string? AuthorisedBy = null)
{
    /// <summary>True when a Deny of <paramref name="denied"/> also stops this action (Converse is authorised as InvokeModel).</summary>
    public bool IsStoppedBy(BedrockAction denied) => denied.Name == Name || denied.Name == AuthorisedBy;

    /// <summary>The service prefix (<c>bedrock</c>, <c>aws-marketplace</c>), which resource ARNs must carry.</summary>
    public string Service => Name[..Name.IndexOf(':', StringComparison.Ordinal)];
}
