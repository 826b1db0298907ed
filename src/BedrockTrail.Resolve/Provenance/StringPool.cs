using System.Collections.Concurrent;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>
/// One string instance per distinct text for values the resolver builds over and over (role ARNs read from session
/// ARNs, evidence lists): a million sessions share a few hundred roles and a handful of evidence lists. Looked up by
/// the characters, so text already seen costs no allocation; bounded, so endless distinct values cannot grow it
/// forever (past the bound, text is simply allocated as before).
/// </summary>
internal static class StringPool
{
    private const int Limit = 100_000;
    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _count;

    public static string Get(ReadOnlySpan<char> text)
    {
        if (BySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        var value = new string(text);
        if (Volatile.Read(ref _count) < Limit && Known.TryAdd(value, value))
        {
            Interlocked.Increment(ref _count);
        }

        return value;
    }

    /// <summary>The words joined by <paramref name="separator"/>, pooled.</summary>
    public static string Join(string separator, string[] words)
    {
        var length = separator.Length * Math.Max(0, words.Length - 1);
        foreach (var word in words)
        {
            length += word.Length;
        }

        if (length > 1024)
        {
            return string.Join(separator, words);
        }

        Span<char> text = stackalloc char[length];
        var at = 0;
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                separator.CopyTo(text[at..]);
                at += separator.Length;
            }

            words[i].CopyTo(text[at..]);
            at += words[i].Length;
        }

        return Get(text);
    }
}
