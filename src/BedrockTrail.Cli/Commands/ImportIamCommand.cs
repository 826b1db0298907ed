using System.CommandLine;
using System.Globalization;
using BedrockTrail.Governance;
using BedrockTrail.Governance.ApprovedUse;
using BedrockTrail.Governance.AuthorizationDetails;
using BedrockTrail.Lake;
using BedrockTrail.Normalise.LakeWriting;

namespace BedrockTrail.Cli.Commands;

/// <summary>
/// <c>bedrocktrail import-iam --lake DIR FILE-OR-FOLDER...</c>: evaluates <c>aws iam get-account-authorization-details</c>
/// documents into the lake's <c>grants</c> (per account, replacing that account's earlier import), and with
/// <c>--approved-use FILE</c> stores the approved-use rules the grant-usage report checks calls against.
/// </summary>
internal static class ImportIamCommand
{
    public static Command Create(CliContext context)
    {
        var lake = CommonOptions.Lake();
        var paths = new Argument<string[]>("file-or-folder")
        {
            Description = "Authorization-details JSON documents (one per account), or folders holding them (*.json, searched recursively).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var approved = new Option<string?>("--approved-use")
        {
            Description = "A YAML file of approved use (identity or role pattern -> approved models, regions and purpose); replaces the lake's earlier one.",
            HelpName = "file",
        };
        var command = new Command(
            "import-iam",
            "Import IAM grants from 'aws iam get-account-authorization-details' output, for the grant-usage governance report.")
        {
            lake, approved, paths,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var inputs = parse.GetValue(paths) ?? [];
            var approvedFile = parse.GetValue(approved);
            if (inputs.Length == 0 && approvedFile is null)
            {
                throw new UsageException("give at least one authorization-details file or folder, or --approved-use FILE.");
            }

            var layout = new LakeLayout(parse.GetValue(lake)!);
            using var writer = AcquireLock(layout);
            var importedAt = context.Time.GetUtcNow().UtcDateTime;
            var problems = new List<ImportProblem>();
            var imported = false;
            if (inputs.Length > 0)
            {
                var sources = await ReadSourcesAsync(inputs, problems, cancellationToken).ConfigureAwait(false);
                var result = IamImport.Evaluate(sources, importedAt);
                problems.AddRange(result.Problems);
                await GrantsStore.WriteAccountsAsync(layout, result.Accounts, result.Grants, result.Principals, cancellationToken).ConfigureAwait(false);
                imported |= result.Accounts.Count > 0;
                await context.Terminal.Error.WriteLineAsync(Summary(result)).ConfigureAwait(false);
            }

            if (approvedFile is not null)
            {
                imported |= await ImportApprovedUseAsync(context, layout, approvedFile, problems, cancellationToken).ConfigureAwait(false);
            }

            foreach (var problem in problems)
            {
                await context.Terminal.Error.WriteLineAsync("problem: " + problem).ConfigureAwait(false);
            }

            return !imported ? ExitCodes.UsageOrNothingDone : problems.Count > 0 ? ExitCodes.CompletedWithProblems : ExitCodes.Success;
        });
        return command;
    }

    private static FileStream AcquireLock(LakeLayout layout)
    {
        try
        {
            return LakeLock.Acquire(layout);
        }
        catch (LakeBusyException e)
        {
            throw new UsageException(e.Message, e);
        }
    }

    private static async Task<bool> ImportApprovedUseAsync(CliContext context, LakeLayout layout, string file, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            problems.Add(new ImportProblem(file, null, "no such file"));
            return false;
        }

        var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        var (rules, ruleProblems) = ApprovedUseReader.Read(file, text);
        problems.AddRange(ruleProblems);
        if (rules.Count == 0)
        {
            return false;
        }

        await GrantsStore.WriteApprovedUseAsync(layout, rules, cancellationToken).ConfigureAwait(false);
        await context.Terminal.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"approved use: {rules.Count} rules from {file}")).ConfigureAwait(false);
        return true;
    }

    private static async Task<List<IamSourceText>> ReadSourcesAsync(string[] inputs, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var sources = new List<IamSourceText>();
        foreach (var input in inputs)
        {
            string[] files;
            if (Directory.Exists(input))
            {
                files = Directory.GetFiles(input, "*.json", SearchOption.AllDirectories);
                Array.Sort(files, StringComparer.Ordinal);
            }
            else if (File.Exists(input))
            {
                files = [input];
            }
            else
            {
                problems.Add(new ImportProblem(input, null, "no such file or folder"));
                continue;
            }

            foreach (var file in files)
            {
                sources.Add(new IamSourceText(file, await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)));
            }
        }

        return sources;
    }

    private static string Summary(IamImportResult result)
    {
        var granted = result.Grants.Where(g => g.Effect == "Allow" && g.Effective).Select(g => g.PrincipalArn).Distinct(StringComparer.Ordinal).Count();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"imported {result.Documents} documents: accounts {(result.Accounts.Count == 0 ? "none" : string.Join(", ", result.Accounts))}; " +
            $"{result.Principals.Count} principals, {granted} with a Bedrock grant; {result.Grants.Count} grant rows");
    }
}
