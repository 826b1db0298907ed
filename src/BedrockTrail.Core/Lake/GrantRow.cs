namespace BedrockTrail.Lake;

/// <summary>
/// One Bedrock action an IAM principal is allowed or denied on one resource pattern, from one policy statement of an
/// imported <c>aws iam get-account-authorization-details</c> document: a row of the lake's <c>grants</c> table.
/// Action wildcards and <c>NotAction</c> are expanded to the Bedrock actions they cover, so rows are queryable by name.
/// </summary>
public sealed record GrantRow
{
    public required string AccountId { get; init; }
    /// <summary>The user or role ARN, with its path, as CloudTrail writes it in <c>sessionIssuer.arn</c>.</summary>
    public required string PrincipalArn { get; init; }
    /// <summary><c>user</c> or <c>role</c>; group statements are attributed to each member user.</summary>
    public required string PrincipalType { get; init; }
    public required string PrincipalName { get; init; }
    /// <summary>The Bedrock action, e.g. <c>bedrock:InvokeModel</c>.</summary>
    public required string Action { get; init; }
    /// <summary>The action pattern as the statement wrote it (<c>bedrock:Invoke*</c>, <c>*</c>, <c>NotAction iam:*</c>).</summary>
    public required string ActionAsWritten { get; init; }
    /// <summary>One of <see cref="GrantCategories"/>.</summary>
    public required string Category { get; init; }
    /// <summary>For administration: customisation, provisioned-throughput, model-access, logging, guardrails, inference-profiles.</summary>
    public string? AdminArea { get; init; }
    /// <summary>The resource pattern as written (<c>*</c>, a model ARN, an inference profile ARN...).</summary>
    public required string Resource { get; init; }
    /// <summary>A readable model or resource: <c>*</c>, a foundation model id, or <c>type/id</c> for other resources.</summary>
    public required string Model { get; init; }
    /// <summary>The resource pattern as an anchored, case-sensitive regular expression, for matching ARNs in SQL.</summary>
    public required string ResourceRegex { get; init; }
    /// <summary>For an <c>Allow</c> with <c>NotResource</c>: the excluded patterns (the grant is everything but these).</summary>
    public IReadOnlyList<string> ResourceExceptions { get; init; } = [];
    /// <summary><c>Allow</c> or <c>Deny</c>.</summary>
    public required string Effect { get; init; }
    /// <summary>
    /// An <c>Allow</c> row that no unconditional <c>Deny</c> of the same principal covers; a <c>Deny</c> row that is
    /// unconditional (so it was applied).
    /// </summary>
    public required bool Effective { get; init; }
    /// <summary>Why an Allow row is not effective, or how a Deny narrowed it.</summary>
    public string? DeniedBy { get; init; }
    /// <summary>The statement has a <c>Condition</c>, which is not evaluated.</summary>
    public required bool Conditional { get; init; }
    /// <summary>Where the statement came from: <c>inline:&lt;policy&gt;</c> or the managed policy ARN.</summary>
    public required string Policy { get; init; }
    /// <summary>The statement's Sid, else its position (<c>#0</c>, <c>#1</c>...).</summary>
    public required string Statement { get; init; }
    /// <summary>The group the statement reached a user through, else null.</summary>
    public string? ViaGroup { get; init; }
    public required string SourceFile { get; init; }
    public required DateTime ImportedAt { get; init; }
}

/// <summary>The values of <see cref="GrantRow.Category"/>.</summary>
public static class GrantCategories
{
    /// <summary>May call a model (InvokeModel, InvokeModelWithResponseStream, Converse*), an agent or a flow.</summary>
    public const string Invoke = "invoke";

    /// <summary>May change who can use models and how: customisation, throughput, model access, logging, guardrails, profiles.</summary>
    public const string Admin = "admin";
}
