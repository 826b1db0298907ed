using System.Text.RegularExpressions;
using BedrockTrail.Governance.ApprovedUse;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Governance.Tests.ApprovedUse;

public sealed class ApprovedUseReaderTests
{
    [Fact]
    public void Read_Fixture_GivesEveryRuleWithItsPatterns()
    {
        var path = Path.Combine(RepoPaths.Fixtures, "iam", "approved-use.yaml");

        var (rules, problems) = ApprovedUseReader.Read("approved-use.yaml", File.ReadAllText(path));

        Assert.Empty(problems);
        Assert.Equal(3, rules.Count);
        Assert.Equal(("*@example.com", "AWSReservedSSO_DataScience_*", "Research assistant for the data science team (GOV-12)"), (rules[0].IdentityPattern, rules[0].PrincipalPattern, rules[0].Purpose));
        Assert.Equal(["anthropic.claude-3-5-sonnet-*", "us.anthropic.claude-3-5-sonnet-*"], rules[0].Models);
        Assert.Equal(["us-east-1"], rules[0].Regions);
        Assert.Equal(["anthropic.claude-3-haiku-*"], rules[1].Models);
        Assert.Null(rules[2].Purpose);
        Assert.Empty(rules[2].Regions);
    }

    [Theory]
    [InlineData("AWSReservedSSO_DataScience_*", "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DataScience_0a1b2c3d4e5f6789", true)]
    [InlineData("svc/batch-scorer", "arn:aws:iam::111111111111:user/svc/batch-scorer", true)]
    [InlineData("DevInvoker", "arn:aws:iam::333333333333:role/DevInvokerOld", false)]
    [InlineData("DevInvoker", "arn:aws:iam::333333333333:role/team/OtherDevInvoker", false)]
    [InlineData("arn:aws:iam::333333333333:role/*", "arn:aws:iam::333333333333:role/DevInvoker", true)]
    public void PrincipalRegex_NameOrArnGlob_MatchesTheRoleOrUserArn(string pattern, string arn, bool expected) =>
        Assert.Equal(expected, Regex.IsMatch(arn, ApprovedUseReader.PrincipalRegex(pattern)));

    [Fact]
    public void Read_BadRules_AreReportedWithTheirLineAndTheOthersKept()
    {
        const string Yaml = """
            rules:
              - identity: "alice@example.com"
                purpose: "Pilot"
              - models: [anthropic.*]
              - role: "X"
                model: typo
              - just a string
            """;

        var (rules, problems) = ApprovedUseReader.Read("p.yaml", Yaml);

        Assert.Equal("alice@example.com", Assert.Single(rules).IdentityPattern);
        Assert.Equal(
            [
                "p.yaml: rule at line 4: names neither an identity nor a role; skipped",
                "p.yaml: rule at line 5: unknown key(s) model; skipped (expected identity, role, models, regions, purpose)",
                "p.yaml: rule at line 7: is not a mapping; skipped",
            ],
            problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("rules: [unclosed", "p.yaml: not YAML")]
    [InlineData("owner: governance", "p.yaml: no 'rules:' list of approved uses")]
    public void Read_NotAPolicyFile_IsOneProblem(string yaml, string expected)
    {
        var (rules, problems) = ApprovedUseReader.Read("p.yaml", yaml);

        Assert.Empty(rules);
        Assert.StartsWith(expected, Assert.Single(problems).ToString(), StringComparison.Ordinal);
    }
}
