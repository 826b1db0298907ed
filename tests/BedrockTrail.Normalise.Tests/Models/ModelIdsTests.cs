using BedrockTrail.Models;

namespace BedrockTrail.Normalise.Tests.Models;

// ModelIds lives in Core; its tests sit here with the decoders that use it (Core.Tests belongs to another helper).
public sealed class ModelIdsTests
{
    [Theory]
    [InlineData("anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-5-sonnet-20240620-v1:0")]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-5-sonnet-20240620-v1:0")]
    [InlineData("us.anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-5-sonnet-20240620-v1:0")]
    [InlineData("eu.amazon.nova-pro-v1:0", "amazon.nova-pro-v1:0")]
    [InlineData("apac.anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-haiku-20240307-v1:0")]
    [InlineData("global.anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-sonnet-4-20250514-v1:0")]
    [InlineData("us-gov.anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-haiku-20240307-v1:0")]
    [InlineData("jp.anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("au.anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("ca.amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-haiku-20240307-v1:0")]
    [InlineData("arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/amazon.titan-text-express-v1", "amazon.titan-text-express-v1")]
    [InlineData("openai.gpt-oss-120b", "openai.gpt-oss-120b")]
    [InlineData("anthropic.claude-opus-4-7", "anthropic.claude-opus-4-7")]
    [InlineData("stability.stable-diffusion-xl-v0", "stability.stable-diffusion-xl-v0")]
    public void BaseModelOf_NamedModels_GiveTheBaseId(string modelId, string expected)
    {
        Assert.Equal(expected, ModelIds.BaseModelOf(modelId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abc")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:imported-model/xyz")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT12345:1")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/not-a-system-profile")]
    [InlineData("arn:aws:s3:::bucket/key")]
    public void BaseModelOf_OpaqueIds_GiveNull(string? modelId)
    {
        Assert.Null(ModelIds.BaseModelOf(modelId));
    }

    [Theory]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0", true)]
    [InlineData("arn:aws:bedrock:us-east-1:1:application-inference-profile/x", true)]
    [InlineData("arn:aws:bedrock:us-east-1:1:agent/AGENT1", false)]
    [InlineData("arn:aws:bedrock-mantle:us-east-1:1:project/p", false)]
    [InlineData(null, false)]
    public void IsModelResourceArn_TellsModelLikeResources(string? arn, bool expected)
    {
        Assert.Equal(expected, ModelIds.IsModelResourceArn(arn));
    }
}
