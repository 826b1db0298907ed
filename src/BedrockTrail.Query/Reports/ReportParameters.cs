namespace BedrockTrail.Query.Reports;

/// <summary>
/// The filters every report may use. A report binds those it names; an unset filter is NULL, and the SQL reads
/// "<c>$model IS NULL OR model_id = $model</c>".
/// </summary>
public sealed record ReportParameters(
    DateTime? From = null,
    DateTime? To = null,
    string? Model = null,
    string? Identity = null,
    string? Account = null,
    string? AccessKey = null)
{
    public static readonly IReadOnlyList<string> All = ["from", "to", "model", "identity", "account", "access_key"];

    public object? ValueOf(string name) => name switch
    {
        "from" => From,
        "to" => To,
        "model" => Model,
        "identity" => Identity,
        "account" => Account,
        "access_key" => AccessKey,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown report parameter"),
    };
}
