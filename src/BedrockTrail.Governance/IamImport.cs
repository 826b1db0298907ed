using BedrockTrail.Governance.AuthorizationDetails;
using BedrockTrail.Governance.Grants;
using BedrockTrail.Lake;

namespace BedrockTrail.Governance;

/// <summary>
/// Evaluates authorization-details documents into the lake's <c>grants</c> and <c>iam_principals</c> rows. Documents of
/// one account may come split over several files (pages): managed policies and groups are looked up across all of them.
/// Pure: the caller reads the files and writes the lake.
/// </summary>
public static class IamImport
{
    public static IamImportResult Evaluate(IReadOnlyList<IamSourceText> sources, DateTime importedAt)
    {
        var problems = new List<ImportProblem>();
        var documents = new List<AuthorizationDocument>();
        foreach (var source in sources)
        {
            var (document, readProblems) = AuthorizationDocumentReader.Read(source.SourceFile, source.Text);
            problems.AddRange(readProblems);
            if (document is not null)
            {
                documents.Add(document);
            }
        }

        var managed = documents.SelectMany(d => d.Policies)
            .GroupBy(p => p.Arn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.FirstOrDefault(p => p.DefaultDocument is not null) ?? g.First(), StringComparer.Ordinal);
        var groupsByAccount = documents.SelectMany(d => d.Groups)
            .GroupBy(g => g.AccountId ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, IamIdentity>)g.GroupBy(x => x.Name, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.First(), StringComparer.Ordinal),
                StringComparer.Ordinal);

        var grants = new List<GrantRow>();
        var principals = new List<IamPrincipalRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var (identity, type) in document.Users.Select(u => (u, PrincipalTypes.User)).Concat(document.Roles.Select(r => (r, PrincipalTypes.Role))))
            {
                if (!seen.Add(identity.Arn))
                {
                    // The same export given twice, or overlapping pages: the first copy counts.
                    continue;
                }

                if (identity.AccountId is not { } account)
                {
                    problems.Add(new ImportProblem(document.SourceFile, identity.Arn, "ARN has no account id; skipped"));
                    continue;
                }

                var groups = groupsByAccount.GetValueOrDefault(account) ?? new Dictionary<string, IamIdentity>();
                var statements = new PrincipalPolicies(managed, groups).For(identity, document.SourceFile, problems);
                var evaluated = GrantEvaluator.Evaluate(statements);
                grants.AddRange(evaluated.Select(e => GrantRows.From(e, identity, account, type, document.SourceFile, importedAt)));
                principals.Add(new IamPrincipalRow
                {
                    AccountId = account,
                    PrincipalArn = identity.Arn,
                    PrincipalType = type,
                    PrincipalName = identity.Name,
                    Groups = identity.GroupNames,
                    HasPermissionsBoundary = identity.HasPermissionsBoundary,
                    TrustedBy = TrustPolicy.TrustedBy(identity.TrustPolicy),
                    SourceFile = document.SourceFile,
                    ImportedAt = importedAt,
                });
            }
        }

        var accounts = principals.Select(p => p.AccountId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new IamImportResult(grants, principals, accounts, problems, documents.Count);
    }
}

/// <summary>One input file's text and the name problems and rows refer to it by.</summary>
public sealed record IamSourceText(string SourceFile, string Text);

/// <summary>What an import produced: rows per account, the accounts seen, and every problem with file and principal.</summary>
public sealed record IamImportResult(
    IReadOnlyList<GrantRow> Grants,
    IReadOnlyList<IamPrincipalRow> Principals,
    IReadOnlyList<string> Accounts,
    IReadOnlyList<ImportProblem> Problems,
    int Documents);

/// <summary>The values of <see cref="GrantRow.PrincipalType"/>.</summary>
public static class PrincipalTypes
{
    public const string User = "user";
    public const string Role = "role";
}
