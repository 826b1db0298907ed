using System.Globalization;
using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Tests.Support;

/// <summary>Every field of an identities row as one line, so two rows compare whole (lists by their items).</summary>
internal static class RowText
{
    public static string Of(IdentityRow row) => string.Join(
        " | ",
        row.SessionKey,
        row.AccessKeyId ?? "null",
        row.SessionArn ?? "null",
        row.SessionIssuerArn ?? "null",
        row.AccountId ?? "null",
        row.Identity,
        row.IdentityKind,
        row.IdentitySource ?? "null",
        string.Join(" > ", row.Chain),
        row.Hops.ToString(CultureInfo.InvariantCulture),
        string.Join(",", row.ChainAccounts),
        row.Status,
        row.Evidence,
        string.Join(";", row.LinkEvidence),
        row.SourceIdentity ?? "null",
        row.LongTermCredential ? "long-term" : "temporary",
        row.BedrockApiKey ? "api-key" : "no-api-key");
}
