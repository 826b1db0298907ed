using BedrockTrail.Query.Output;

namespace BedrockTrail.Query.Tests.Output;

public sealed class TableRendererTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("arn:aws:iam::111122223333:user/automation/ci-deployer", 30, "arn:aws:iam…mation/ci-deployer")]
    [InlineData("0123456789", 9, "012…56789")]
    public void Cut_LongCell_KeepsBothEndsWithinWidth(string text, int max, string expected)
    {
        var cut = TableRenderer.Cut(text, max);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= max);
    }
}
