using BedrockTrail.TestSupport.S3;

namespace BedrockTrail.Cli.Tests.S3;

/// <summary>One real s3rver on loopback for every S3 test of this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class S3rverCollection : ICollectionFixture<S3rverServer>
{
    public const string Name = "s3rver";
}
