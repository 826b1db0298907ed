namespace BedrockTrail.Resolve.Credentials;

/// <summary>
/// The issuances under one index key. Nearly every key (an issued access key, one principal's session) has exactly
/// one, so that one is held inline and a list is only made for the rare second: with millions of keys, a list per
/// key was most of the index's memory and build time.
/// </summary>
internal readonly struct IssuanceList
{
    private readonly CredentialIssuance? _one;
    private readonly List<CredentialIssuance>? _many;

    private IssuanceList(CredentialIssuance? one, List<CredentialIssuance>? many)
    {
        _one = one;
        _many = many;
    }

    public static IssuanceList Empty => default;

    public static IssuanceList Of(CredentialIssuance one) => new(one, null);

    public int Count => _many?.Count ?? (_one is null ? 0 : 1);

    public CredentialIssuance this[int index] =>
        _many is not null ? _many[index]
        : index == 0 && _one is not null ? _one
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>This list with one more issuance (the list is shared, as a builder's slot would be).</summary>
    public IssuanceList With(CredentialIssuance issuance)
    {
        if (_many is not null)
        {
            _many.Add(issuance);
            return this;
        }

        return _one is null ? new IssuanceList(issuance, null) : new IssuanceList(null, [_one, issuance]);
    }

    /// <summary>Orders by event time, then event id, so that input order never decides between candidates.</summary>
    public void SortByTime() =>
        _many?.Sort(static (a, b) => a.EventTime != b.EventTime ? a.EventTime.CompareTo(b.EventTime) : string.CompareOrdinal(a.EventId, b.EventId));
}
