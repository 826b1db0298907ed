using BedrockTrail.Cli.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Cli.Tests.Governance;

public sealed class ImportIamCommandTests
{
    [Fact]
    public async Task ImportIam_FixtureFolder_WritesQueryableGrants()
    {
        using var folder = new TempFolder("import-iam");
        var lake = folder.Sub("lake");

        var run = await CliRunner.RunAsync("import-iam", "--lake", lake, GovernanceLake.Accounts);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("imported 2 documents: accounts 111111111111, 333333333333; 10 principals, 9 with a Bedrock grant;", run.Error, StringComparison.Ordinal);
        var query = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv",
            "SELECT principal_arn, action, model, policy FROM grants WHERE principal_type = 'user' AND effect = 'Allow' AND action = 'bedrock:InvokeModel' ORDER BY 1");
        Assert.Equal(
            "principal_arn,action,model,policy\n" +
            "arn:aws:iam::111111111111:user/carol,bedrock:InvokeModel,anthropic.claude-3-haiku-20240307-v1:0,inline:invoke-haiku\n" +
            "arn:aws:iam::111111111111:user/svc/batch-scorer,bedrock:InvokeModel,anthropic.claude-3-haiku-20240307-v1:0,inline:invoke-haiku\n",
            query.Out);
    }

    [Fact]
    public async Task ImportIam_SomeBadFiles_ImportsTheRestReportsEachAndExitsOne()
    {
        // Given the fixtures plus a file that is not JSON and one that is not an authorization-details document
        using var folder = new TempFolder("import-iam");
        var bad = folder.Sub("bad");
        Directory.CreateDirectory(bad);
        await File.WriteAllTextAsync(Path.Combine(bad, "notes.json"), "not json at all");
        await File.WriteAllTextAsync(Path.Combine(bad, "trail.json"), """{"Records":[]}""");
        var lake = folder.Sub("lake");

        var run = await CliRunner.RunAsync("import-iam", "--lake", lake, GovernanceLake.Accounts, bad, folder.Sub("missing.json"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"problem: {Path.Combine(bad, "notes.json")}: not JSON", run.Error, StringComparison.Ordinal);
        Assert.Contains($"problem: {Path.Combine(bad, "trail.json")}: not an authorization-details document", run.Error, StringComparison.Ordinal);
        Assert.Contains($"problem: {folder.Sub("missing.json")}: no such file or folder", run.Error, StringComparison.Ordinal);
        var count = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv", "SELECT count(DISTINCT account_id) n FROM iam_principals");
        Assert.Equal("n\n2\n", count.Out);
    }

    [Fact]
    public async Task ImportIam_NothingImportable_ExitsTwo()
    {
        using var folder = new TempFolder("import-iam");
        await File.WriteAllTextAsync(folder.Sub("x.json"), "[]");

        var run = await CliRunner.RunAsync("import-iam", "--lake", folder.Sub("lake"), folder.Sub("x.json"));
        var none = await CliRunner.RunAsync("import-iam", "--lake", folder.Sub("lake"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.True(none.ExitCode == 2, none.ToString());
        Assert.Contains("give at least one authorization-details file or folder", none.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportIam_OneAccountAgain_ReplacesOnlyThatAccount()
    {
        // Given both accounts imported
        using var folder = new TempFolder("import-iam");
        var lake = folder.Sub("lake");
        await CliRunner.RunAsync("import-iam", "--lake", lake, GovernanceLake.Accounts);

        // When account 333333333333 is re-imported from a document that no longer holds DevInvoker's inline Deny
        var changed = File.ReadAllText(Path.Combine(GovernanceLake.Accounts, "ml-dev-333333333333.raw-api.json"))
            .Replace("\"RolePolicyList\": [", "\"RolePolicyList\": [], \"Unused\": [", StringComparison.Ordinal);
        await File.WriteAllTextAsync(folder.Sub("dev.json"), changed);
        var run = await CliRunner.RunAsync("import-iam", "--lake", lake, folder.Sub("dev.json"));

        // Then 333333333333's grants are the new ones and 111111111111's are untouched (RestrictedInvoker's Deny of bedrock:Invoke* is 5 rows)
        Assert.True(run.ExitCode == 0, run.ToString());
        var query = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv",
            "SELECT account_id, count(*) FILTER (WHERE effect = 'Deny') denies, count(DISTINCT source_file) files FROM grants GROUP BY 1 ORDER BY 1");
        Assert.Equal("account_id,denies,files\n111111111111,5,1\n333333333333,0,1\n", query.Out);
    }

    [Fact]
    public async Task ImportIam_ApprovedUseAlone_StoresTheRules()
    {
        using var folder = new TempFolder("import-iam");
        var lake = folder.Sub("lake");

        var run = await CliRunner.RunAsync("import-iam", "--lake", lake, "--approved-use", GovernanceLake.ApprovedUse);

        Assert.True(run.ExitCode == 0, run.ToString());
        var query = await CliRunner.RunAsync("query", "--lake", lake, "--format", "csv", "SELECT rule_index, principal_pattern, purpose IS NULL no_purpose FROM approved_use ORDER BY 1");
        Assert.Equal("rule_index,principal_pattern,no_purpose\n0,AWSReservedSSO_DataScience_*,false\n1,svc/batch-scorer,false\n2,DevInvoker,true\n", query.Out);
    }
}
