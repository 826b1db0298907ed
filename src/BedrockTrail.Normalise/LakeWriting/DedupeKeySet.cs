namespace BedrockTrail.Normalise.LakeWriting;

/// <summary>
/// The keys (eventID, requestId) already seen in one partition. Nearly all are lowercase UUIDs, kept as 16-byte
/// <see cref="Guid"/>s instead of 36-character strings: about 28 bytes a key instead of 120, which is what lets a run
/// over millions of events keep every key in memory. Any other text is kept as it is, so equality stays ordinal
/// string equality: a key is stored as a Guid only when the Guid prints back to exactly the same text.
/// </summary>
internal sealed class DedupeKeySet
{
    private readonly HashSet<Guid> _uuids = [];
    private readonly HashSet<string> _others = new(StringComparer.Ordinal);

    public int Count => _uuids.Count + _others.Count;

    /// <summary>Adds a key; false when it was already there.</summary>
    public bool Add(string key) => IsCanonicalUuid(key, out var uuid) ? _uuids.Add(uuid) : _others.Add(key);

    private static bool IsCanonicalUuid(string key, out Guid uuid)
    {
        // "D" is the 8-4-4-4-12 form; upper-case hex parses to the same Guid, so it stays a string.
        if (key.Length == 36 && Guid.TryParseExact(key, "D", out uuid) && !key.AsSpan().ContainsAnyInRange('A', 'F'))
        {
            return true;
        }

        uuid = default;
        return false;
    }
}
