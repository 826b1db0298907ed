using System.Text.RegularExpressions;
using BedrockTrail.Governance.Policies;

namespace BedrockTrail.Governance.Tests.Policies;

public sealed class IamPatternTests
{
    [Theory]
    [InlineData("bedrock:*", "bedrock:InvokeModel", true)]
    [InlineData("bedrock:invoke*", "bedrock:InvokeModel", true)]
    [InlineData("bedrock:Invoke?odel", "bedrock:InvokeModel", true)]
    [InlineData("bedrock:Invoke", "bedrock:InvokeModel", false)]
    [InlineData("*", "aws-marketplace:Subscribe", true)]
    [InlineData("s3:*", "bedrock:InvokeModel", false)]
    public void Matches_ActionPatterns_CaseInsensitive(string pattern, string action, bool expected) =>
        Assert.Equal(expected, IamPattern.Matches(pattern, action, ignoreCase: true));

    [Fact]
    public void Matches_ResourceWithOtherCase_DoesNotMatch() =>
        Assert.False(IamPattern.Matches("arn:aws:bedrock:*::foundation-model/Anthropic.*", "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude", ignoreCase: false));

    [Theory]
    [InlineData("*", "arn:aws:bedrock:*::foundation-model/anthropic.*", true)]
    [InlineData("arn:aws:bedrock:*::foundation-model/*", "arn:aws:bedrock:us-east-1::foundation-model/anthropic.*", true)]
    [InlineData("arn:aws:bedrock:*::foundation-model/anthropic.*", "*", false)]
    [InlineData("arn:aws:bedrock:*::foundation-model/anthropic.*", "arn:aws:bedrock:*::foundation-model/*", false)]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/a?c", "arn:aws:bedrock:us-east-1::foundation-model/a*c", false)]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/a?c", "arn:aws:bedrock:us-east-1::foundation-model/a?c", true)]
    public void Covers_PatternContainment_IsExact(string outer, string inner, bool expected) =>
        Assert.Equal(expected, IamPattern.Covers(outer, inner, ignoreCase: false));

    [Fact]
    public void ToRegex_GlobWithRegexCharacters_MatchesLiterally()
    {
        var regex = IamPattern.ToRegex("arn:aws:bedrock:*::foundation-model/anthropic.claude-3-haiku-2024030?-v1:0");

        Assert.Equal(@"^arn:aws:bedrock:.*::foundation-model/anthropic\.claude-3-haiku-2024030.-v1:0$", regex);
        Assert.Matches(regex, "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0");
        Assert.DoesNotMatch(new Regex(regex), "arn:aws:bedrock:us-east-1::foundation-model/anthropicXclaude-3-haiku-20240307-v1:0");
    }
}
