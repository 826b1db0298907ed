namespace BedrockTrail.Query.Rows;

/// <summary>
/// Hands back one instance per distinct text seen recently. DuckDB.NET makes a new string for every value read, and
/// the rows the resolver keeps repeat most of theirs (accounts, event sources, role and caller ARNs, user agents):
/// reading credential_events of a 5M-event lake kept 170 MB of strings, most of them copies. Direct-mapped like a CPU
/// cache, so it stays small: a value that never repeats (an event id) only takes one slot.
/// </summary>
internal sealed class RepeatedStrings
{
    private const int Slots = 8192;

    private readonly string?[] _slots = new string?[Slots];

    public string Share(string text)
    {
        var slot = text.GetHashCode(StringComparison.Ordinal) & (Slots - 1);
        if (_slots[slot] is { } known && string.Equals(known, text, StringComparison.Ordinal))
        {
            return known;
        }

        _slots[slot] = text;
        return text;
    }
}
