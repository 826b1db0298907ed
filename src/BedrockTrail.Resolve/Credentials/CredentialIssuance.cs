using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Credentials;

/// <summary>
/// One credential-issuing call after its copies are merged. A cross-account AssumeRole is logged twice (same
/// requestID and sharedEventID): the role owner's copy names the caller only as <c>AWSAccount</c>, the caller's copy
/// has the full userIdentity. The merge keeps the fullest caller so the link counts once.
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html)
/// </summary>
internal sealed record CredentialIssuance
{
    /// <summary>The copy whose caller description is richest; its fields describe the parent.</summary>
    public required CredentialEvent Primary { get; init; }

    /// <summary>Every event id merged into this issuance (one per account that recorded it).</summary>
    public IReadOnlyList<string> EventIds => MergedEventIds ?? [Primary.EventId];

    /// <summary>
    /// Recipient accounts that recorded a copy. A single record's is its account's shared one-item list (not
    /// stored: with millions of issuances every field is megabytes the GC copies).
    /// </summary>
    public IReadOnlyList<string> RecordedIn => Merged is { } m ? m.RecordedIn : AccountLists.Of(Primary.AccountId);

    /// <summary>
    /// The event ids of a call logged more than once; null for the usual single record, whose one id is the
    /// primary's (not stored: millions of one-element arrays were a large share of the index's allocations).
    /// </summary>
    public IReadOnlyList<string>? MergedEventIds => Merged?.EventIds;

    /// <summary>Position in its index (0 … IssuanceCount-1), so a walk can keep per-issuance state in an array.</summary>
    public int Ordinal { get; internal set; } = -1;

    /// <summary>
    /// The issued-credential fields merged from several copies, with their event ids and accounts; null for the
    /// usual single record, whose fields are read from the event itself (not copied: 3 million issuances each
    /// copying eleven fields was most of the index).
    /// </summary>
    public IssuedFields? Merged { get; init; }

    public string? IssuedAccessKeyId => Merged is { } m ? m.IssuedAccessKeyId : NullIfEmpty(Primary.IssuedAccessKeyId);
    public string? IssuedArn => Merged is { } m ? m.IssuedArn : NullIfEmpty(Primary.IssuedArn);
    public string? IssuedPrincipalId => Merged is { } m ? m.IssuedPrincipalId : NullIfEmpty(Primary.IssuedPrincipalId);
    public string? RoleArn => Merged is { } m ? m.RoleArn : NullIfEmpty(Primary.RoleArn);
    public string? RoleSessionName => Merged is { } m ? m.RoleSessionName : NullIfEmpty(Primary.RoleSessionName);
    public string? SourceIdentity => Merged is { } m ? m.SourceIdentity : NullIfEmpty(Primary.SourceIdentity);
    public string? FederationProvider => Merged is { } m ? m.FederationProvider : NullIfEmpty(Primary.FederationProvider);
    public string? FederationSubject => Merged is { } m ? m.FederationSubject : NullIfEmpty(Primary.FederationSubject);
    public string? SessionTags => Merged is { } m ? m.SessionTags : NullIfEmpty(Primary.SessionTags);
    public string? TargetAccountId => Merged is { } m ? m.TargetAccountId : NullIfEmpty(Primary.TargetAccountId);
    public string? TargetRoleName => Merged is { } m ? m.TargetRoleName : NullIfEmpty(Primary.TargetRoleName);

    public string EventId => Primary.EventId;
    public DateTime EventTime => Primary.EventTime;
    public string EventName => Primary.EventName;
    public string EventSource => Primary.EventSource;
    public bool MergedCopies => MergedEventIds is { Count: > 1 };

    /// <summary>Merges copies of one call (at least one).</summary>
    public static CredentialIssuance Merge(IReadOnlyList<CredentialEvent> copies)
    {
        if (copies.Count == 1)
        {
            return Single(copies[0]);
        }

        var primary = copies[0];
        foreach (var copy in copies)
        {
            if (CallerRichness(copy) > CallerRichness(primary))
            {
                primary = copy;
            }
        }

        return new CredentialIssuance
        {
            Primary = primary,
            Merged = new IssuedFields
            {
                EventIds = [.. copies.Select(c => c.EventId).Distinct(StringComparer.Ordinal)],
                RecordedIn = [.. copies.Select(c => c.AccountId).OfType<string>().Distinct(StringComparer.Ordinal)],
                IssuedAccessKeyId = First(copies, primary, c => c.IssuedAccessKeyId),
                IssuedArn = First(copies, primary, c => c.IssuedArn),
                IssuedPrincipalId = First(copies, primary, c => c.IssuedPrincipalId),
                RoleArn = First(copies, primary, c => c.RoleArn),
                RoleSessionName = First(copies, primary, c => c.RoleSessionName),
                SourceIdentity = First(copies, primary, c => c.SourceIdentity),
                FederationProvider = First(copies, primary, c => c.FederationProvider),
                FederationSubject = First(copies, primary, c => c.FederationSubject),
                SessionTags = First(copies, primary, c => c.SessionTags),
                TargetAccountId = First(copies, primary, c => c.TargetAccountId),
                TargetRoleName = First(copies, primary, c => c.TargetRoleName),
            },
        };
    }

    /// <summary>A call recorded once, which is what <see cref="Merge"/> gives for one copy.</summary>
    internal static CredentialIssuance Single(CredentialEvent e) => new() { Primary = e };

    internal static int CallerRichness(CredentialEvent e)
    {
        var score = 0;
        if (!string.IsNullOrEmpty(e.CallerType) && !string.Equals(e.CallerType, "AWSAccount", StringComparison.Ordinal))
        {
            score += 4;
        }

        if (!string.IsNullOrEmpty(e.CallerArn))
        {
            score += 2;
        }

        if (!string.IsNullOrEmpty(e.CallerAccessKeyId))
        {
            score += 2;
        }

        if (!string.IsNullOrEmpty(e.InvokedBy))
        {
            score += 1;
        }

        return score;
    }

    private static string? First(IReadOnlyList<CredentialEvent> copies, CredentialEvent primary, Func<CredentialEvent, string?> field)
    {
        var value = field(primary);
        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }

        foreach (var copy in copies)
        {
            value = field(copy);
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
