namespace BedrockTrail.Resolve.Credentials;

/// <summary>
/// The issuances under one index key. Nearly every key (an issued access key, one principal's session) has exactly
/// one, so that one is held inline and a list is only made for the rare second: with millions of keys, a list per
/// key was most of the index's memory and build time. One reference (the issuance or the list), so a table entry
/// of millions stays small.
/// </summary>
internal readonly struct IssuanceList
{
    /// <summary>Null (none), a <see cref="CredentialIssuance"/> (one) or a <see cref="List{T}"/> of them (several).</summary>
    private readonly object? _value;

    private IssuanceList(object? value) => _value = value;

    public static IssuanceList Empty => default;

    public static IssuanceList Of(CredentialIssuance one) => new(one);

    public int Count => _value switch
    {
        null => 0,
        CredentialIssuance => 1,
        _ => ((List<CredentialIssuance>)_value).Count,
    };

    public CredentialIssuance this[int index] => _value switch
    {
        CredentialIssuance one when index == 0 => one,
        List<CredentialIssuance> many => many[index],
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>This list with one more issuance (the list is shared, as a builder's slot would be).</summary>
    public IssuanceList With(CredentialIssuance issuance)
    {
        switch (_value)
        {
            case null:
                return new IssuanceList(issuance);
            case CredentialIssuance one:
                return new IssuanceList(new List<CredentialIssuance> { one, issuance });
            default:
                ((List<CredentialIssuance>)_value).Add(issuance);
                return this;
        }
    }

    /// <summary>Orders by event time, then event id, so that input order never decides between candidates.</summary>
    public void SortByTime() =>
        (_value as List<CredentialIssuance>)?.Sort(static (a, b) => a.EventTime != b.EventTime ? a.EventTime.CompareTo(b.EventTime) : string.CompareOrdinal(a.EventId, b.EventId));
}
