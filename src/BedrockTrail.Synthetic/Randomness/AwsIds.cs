using System.Globalization;

namespace BedrockTrail.Synthetic.Randomness;

/// <summary>
/// Identifiers shaped like AWS's: access keys are a four-letter prefix and 16 characters of A-Z/2-7 (base32),
/// unique ids (AROA, AIDA) have 17, event and request ids are lower-case v4 UUIDs.
/// </summary>
internal static class AwsIds
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string LowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Hex = "0123456789abcdef";

    /// <summary>A temporary (session) access key.</summary>
    public static string SessionKey(SeededRandom rng) => "ASIA" + Chars(rng, Base32, 16);

    /// <summary>A long-term IAM user access key.</summary>
    public static string LongTermKey(SeededRandom rng) => "AKIA" + Chars(rng, Base32, 16);

    public static string RoleId(SeededRandom rng) => "AROA" + Chars(rng, Base32, 17);

    public static string UserId(SeededRandom rng) => "AIDA" + Chars(rng, Base32, 17);

    public static string AccountId(SeededRandom rng) => "1" + rng.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture) + rng.Next(0, 100_000).ToString("D5", CultureInfo.InvariantCulture);

    public static string HexString(SeededRandom rng, int length) => Chars(rng, Hex, length);

    public static string UpperHex(SeededRandom rng, int length) => Chars(rng, "0123456789ABCDEF", length);

    public static string LowerAlphanumeric(SeededRandom rng, int length) => Chars(rng, LowerAlnum, length);

    /// <summary>The 16 characters that end a CloudTrail log file name.</summary>
    public static string FileSuffix(SeededRandom rng) => Chars(rng, Alnum, 16);

    public static string InstanceId(SeededRandom rng) => "i-0" + Chars(rng, Hex, 16);

    public static string Uuid(SeededRandom rng)
    {
        Span<char> c = stackalloc char[36];
        var pos = 0;
        for (var i = 0; i < 32; i++)
        {
            if (i is 8 or 12 or 16 or 20)
            {
                c[pos++] = '-';
            }

            var digit = i switch
            {
                12 => 4, // version 4
                16 => 8 + rng.Next(4), // RFC 4122 variant
                _ => rng.Next(16),
            };
            c[pos++] = Hex[digit];
        }

        return new string(c);
    }

    /// <summary>Looks like a session token; it is noise that the ingest must drop, never a secret.</summary>
    public static string FakeSessionToken(SeededRandom rng) => "IQoJb3JpZ2luX2VjE" + Chars(rng, Alnum, 48) + "==";

    public static string Base64ish(SeededRandom rng, int length) => Chars(rng, Alnum + "+/", length);

    private static string Chars(SeededRandom rng, string alphabet, int length)
    {
        Span<char> c = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            c[i] = alphabet[rng.Next(alphabet.Length)];
        }

        return new string(c);
    }
}
