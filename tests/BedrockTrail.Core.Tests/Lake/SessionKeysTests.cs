using BedrockTrail.Lake;

namespace BedrockTrail.Core.Tests.Lake;

public sealed class SessionKeysTests
{
    [Fact]
    public void For_AccessKeyPresent_UsesTheKey()
    {
        Assert.Equal("ASIAEXAMPLE", SessionKeys.For("ASIAEXAMPLE", "arn:aws:sts::1:assumed-role/r/s", null, null, "e1"));
    }

    [Fact]
    public void For_NoKey_FallsBackToPrincipalThenServiceThenEvent()
    {
        Assert.Equal("principal:arn:aws:iam::1:user/u", SessionKeys.For(null, "arn:aws:iam::1:user/u", "AIDA", null, "e1"));
        Assert.Equal("principal-id:AIDA", SessionKeys.For("", null, "AIDA", null, "e1"));
        Assert.Equal("service:bedrock.amazonaws.com", SessionKeys.For(null, null, null, "bedrock.amazonaws.com", "e1"));
        Assert.Equal("event:e1", SessionKeys.For(null, null, null, null, "e1"));
    }
}
