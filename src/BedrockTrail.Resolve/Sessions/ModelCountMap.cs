using System.Diagnostics.CodeAnalysis;

namespace BedrockTrail.Resolve.Sessions;

/// <summary>
/// Calls per model of one session, in ordinal model order (as a sorted dictionary would list them). Most sessions
/// call one or two models; a small sorted array costs one allocation where a sorted dictionary costs a tree.
/// </summary>
internal sealed class ModelCountMap : IReadOnlyDictionary<string, int>
{
    private readonly KeyValuePair<string, int>[] _entries;

    private ModelCountMap(KeyValuePair<string, int>[] entries) => _entries = entries;

    public int Count => _entries.Length;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<int> Values => _entries.Select(e => e.Value);

    public int this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no calls of model '{key}'");

    public static ModelCountMap One(string model) => new([new KeyValuePair<string, int>(model, 1)]);

    /// <summary>Counts per model from (model, count) pairs in any order; repeated models are summed.</summary>
    public static ModelCountMap From(IEnumerable<KeyValuePair<string, int>> counts)
    {
        if (counts is IReadOnlyList<KeyValuePair<string, int>> { Count: 1 } one)
        {
            return new ModelCountMap([one[0]]);
        }

        var sorted = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (model, count) in counts)
        {
            sorted[model] = sorted.TryGetValue(model, out var n) ? n + count : count;
        }

        return new ModelCountMap([.. sorted]);
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _entries[i].Value : 0;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, int>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, int>>)_entries).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < _entries.Length; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
