namespace BedrockTrail.Ingest.Layout;

/// <summary>
/// What the key of an object under a log source says about it: the kind of file, and for log files the
/// organization, account, region and delivery date that CloudTrail or Bedrock put in the path.
/// </summary>
/// <param name="Kind">Whether the object is read, and as what.</param>
/// <param name="OrganizationId">The lower-case <c>o-...</c> id of an organization trail, else null.</param>
/// <param name="AccountId">The 12-digit account the log belongs to, when the key names one.</param>
/// <param name="Region">The region folder, when the key names one.</param>
/// <param name="DeliveryDate">
/// The UTC date folder. It is the delivery date, not the event date: an event can sit in the next day's folder
/// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html).
/// </param>
/// <param name="DeliveryHour">The hour folder of model invocation logs (0-23); null for CloudTrail.</param>
/// <param name="SkipReason">Why a <see cref="LogObjectKind.Skipped"/> object is not read; None otherwise.</param>
public sealed record LogObjectKey(
    LogObjectKind Kind,
    string? OrganizationId,
    string? AccountId,
    string? Region,
    DateOnly? DeliveryDate,
    int? DeliveryHour,
    LogObjectSkipReason SkipReason)
{
    /// <summary>True for CloudTrail and model invocation log files, the objects a reader opens.</summary>
    public bool IsLog => Kind != LogObjectKind.Skipped;

    /// <summary>
    /// Parses an object key, or a file path with '/' separators. Whatever comes before the <c>AWSLogs</c> segment is
    /// a free prefix (Control Tower puts the organization id there). Never throws: keys that do not fit are
    /// <see cref="LogObjectKind.Skipped"/> with a reason.
    /// </summary>
    public static LogObjectKey Parse(string key) => LogObjectKeyParser.Parse(key);

    internal static LogObjectKey Skip(LogObjectSkipReason reason, string? organizationId = null, string? accountId = null) =>
        new(LogObjectKind.Skipped, organizationId, accountId, null, null, null, reason);
}
