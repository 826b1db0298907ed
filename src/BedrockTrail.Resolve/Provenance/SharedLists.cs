namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// One array instance per distinct list of strings (evidence words, chain accounts): a million rows repeat a handful
/// of lists, and a shared array is one object for the GC instead of a million survivors. The list is built in a
/// scratch array of its length, so a list already seen costs no allocation. Not thread-safe: one per resolution.
/// Bounded: past <see cref="Limit"/> distinct lists, new ones are simply copied.
/// </summary>
internal sealed class SharedLists
{
    private const int Limit = 10_000;
    private readonly Dictionary<string[], string[]> _known = new(ItemsComparer.Instance);
    private string[][] _scratch = [];

    /// <summary>A scratch array of exactly <paramref name="length"/> items, valid until the next call.</summary>
    public string[] Scratch(int length)
    {
        if (length >= _scratch.Length)
        {
            Array.Resize(ref _scratch, length + 1);
        }

        return _scratch[length] ??= new string[length];
    }

    /// <summary>The shared array with the scratch array's items.</summary>
    public string[] Share(string[] scratch)
    {
        if (_known.TryGetValue(scratch, out var known))
        {
            return known;
        }

        var copy = (string[])scratch.Clone();
        if (_known.Count < Limit)
        {
            _known.Add(copy, copy);
        }

        return copy;
    }

    private sealed class ItemsComparer : IEqualityComparer<string[]>
    {
        public static readonly ItemsComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y, StringComparer.Ordinal));

        public int GetHashCode(string[] obj)
        {
            var hash = new HashCode();
            foreach (var item in obj)
            {
                hash.Add(item, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
