using System.Runtime.InteropServices;
using System.Text.Json;

namespace BedrockTrail.Normalise.Json;

/// <summary>
/// Hands out one string instance per distinct JSON text seen recently on this thread. A kept row holds about thirty
/// strings and most repeat from row to row (account, region, event source and name, model, ARNs, user agent): the rows
/// waiting to be written shared none of them, which made a buffered row cost about 2 KB. A hit also skips the
/// allocation. Direct-mapped like a CPU cache: a value that never repeats (an eventID) only evicts one slot.
/// Each slot's hash sits in one small dense array, checked before the slot's key: the keys are objects all over the
/// heap, and fetching one for every lookup (mostly of values that never repeat) was a cache miss each time, 5 % of
/// ingest's CPU.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int Slots = 4096;
    private const int MaxRawLength = 256;

    [ThreadStatic]
    private static Utf8StringCache? _current;

    private readonly int[] _hashes = new int[Slots];
    private readonly byte[]?[] _raw = new byte[Slots][];
    private readonly string?[] _text = new string[Slots];

    /// <summary>The calling thread's cache; decoding is synchronous, so a record never sees another thread's.</summary>
    public static Utf8StringCache Current => _current ??= new Utf8StringCache();

    /// <summary>The value of a JSON string, as <see cref="JsonElement.GetString"/> would give it.</summary>
    public string GetString(JsonElement value)
    {
        // The raw text (escapes and all) is the key: the same raw text always decodes to the same string.
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length > MaxRawLength)
        {
            return value.GetString()!;
        }

        var hasher = new HashCode();
        hasher.AddBytes(raw);
        var hash = hasher.ToHashCode();
        var slot = hash & (Slots - 1);
        if (_hashes[slot] == hash && _raw[slot] is { } known && raw.SequenceEqual(known))
        {
            return _text[slot]!;
        }

        var text = value.GetString()!;
        _hashes[slot] = hash;
        _raw[slot] = raw.ToArray();
        _text[slot] = text;
        return text;
    }
}
