using BedrockTrail.Lake;
using BedrockTrail.Lake.Schema;

namespace BedrockTrail.Normalise.LakeWriting;

/// <summary>
/// The governance tables are derived from IAM exports, not from the trail: one file per account for <c>grants</c> and
/// <c>iam_principals</c>, so importing account B later keeps account A, and re-importing A replaces exactly A's rows
/// (atomically, file by file). The approved-use rules are one file, replaced whole.
/// </summary>
public static class GrantsStore
{
    public static string GrantsFile(LakeLayout lake, string accountId) =>
        Path.Combine(lake.GrantsFolder, "grants-" + accountId + LakeLayout.DataFileExtension);

    public static string PrincipalsFile(LakeLayout lake, string accountId) =>
        Path.Combine(lake.TableFolder(LakeTables.IamPrincipals.Name), "principals-" + accountId + LakeLayout.DataFileExtension);

    public static string ApprovedUseFile(LakeLayout lake) =>
        Path.Combine(lake.TableFolder(LakeTables.ApprovedUse.Name), "approved-use" + LakeLayout.DataFileExtension);

    /// <summary>Replaces the grants and principals of each given account.</summary>
    public static async Task WriteAccountsAsync(
        LakeLayout lake,
        IReadOnlyList<string> accounts,
        IReadOnlyList<GrantRow> grants,
        IReadOnlyList<IamPrincipalRow> principals,
        CancellationToken cancellationToken)
    {
        foreach (var account in accounts)
        {
            var accountGrants = grants.Where(g => g.AccountId == account).ToList();
            var accountPrincipals = principals.Where(p => p.AccountId == account).ToList();
            await LakeFiles.WriteAtomicallyAsync(GrantsFile(lake, account), LakeTables.Grants, accountGrants, cancellationToken).ConfigureAwait(false);
            await LakeFiles.WriteAtomicallyAsync(PrincipalsFile(lake, account), LakeTables.IamPrincipals, accountPrincipals, cancellationToken).ConfigureAwait(false);
        }
    }

    public static Task WriteApprovedUseAsync(LakeLayout lake, IReadOnlyList<ApprovedUseRow> rules, CancellationToken cancellationToken) =>
        LakeFiles.WriteAtomicallyAsync(ApprovedUseFile(lake), LakeTables.ApprovedUse, rules, cancellationToken);
}
