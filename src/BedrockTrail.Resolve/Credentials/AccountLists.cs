using System.Collections.Concurrent;

namespace BedrockTrail.Resolve.Credentials;

/// <summary>
/// One shared one-item list per account, for the recorded-in accounts of calls logged once: a trail has a handful
/// of accounts and millions of such calls. Bounded (past the bound, a list is simply made).
/// </summary>
internal static class AccountLists
{
    private const int Limit = 10_000;
    private static readonly ConcurrentDictionary<string, string[]> Known = new(StringComparer.Ordinal);

    /// <summary>[account], or empty when there is none.</summary>
    public static IReadOnlyList<string> Of(string? account)
    {
        if (account is null)
        {
            return [];
        }

        if (Known.TryGetValue(account, out var known))
        {
            return known;
        }

        string[] list = [account];
        return Known.Count < Limit ? Known.GetOrAdd(account, list) : list;
    }
}
