using BedrockTrail.TestSupport.S3;

namespace BedrockTrail.Ingest.Tests.Support;

/// <summary>One s3rver for every test class in the collection; each test makes its own bucket.</summary>
[CollectionDefinition(Name)]
public sealed class S3rverCollection : ICollectionFixture<S3rverServer>
{
    public const string Name = "s3rver";
}
