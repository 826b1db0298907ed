using BedrockTrail.Cli.Tests.Support;
using BedrockTrail.Synthetic;
using BedrockTrail.TestSupport;
using BedrockTrail.TestSupport.S3;
using BedrockTrail.TestSupport.Trails;

namespace BedrockTrail.Cli.Tests.S3;

/// <summary>The CLI against a real S3 protocol server: the same trail from S3 and from a folder gives the same lake.</summary>
[Collection(S3rverCollection.Name)]
public sealed class S3IngestTests
{
    private const string LakeContent = """
        SELECT 'call' AS kind, event_id, event_time, event_name, account_id, region, model_id, principal_arn, access_key_id, session_key, error_code, NULL AS issued
        FROM bedrock_calls
        UNION ALL
        SELECT 'credential', event_id, event_time, event_name, account_id, region, NULL, caller_arn, caller_access_key_id, NULL, error_code, issued_access_key_id
        FROM credential_events
        UNION ALL
        SELECT 'identity', session_key, NULL, identity, identity_kind, status, evidence, NULL, NULL, NULL, NULL, NULL
        FROM identities
        ORDER BY ALL
        """;

    private readonly S3rverServer _server;

    public S3IngestTests(S3rverServer server)
    {
        _server = server;
        // The CLI takes credentials from the standard chain, as it would on a user's machine.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", S3rverServer.AccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", S3rverServer.SecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
    }

    [Fact]
    public async Task Ingest_OrganizationTrailInS3_SameLakeAsFromTheFolderAndRerunAddsNothing()
    {
        // Given the same organization trail in a folder and in a bucket under a prefix
        using var folder = new TempFolder("s3");
        var trail = folder.Sub("trail");
        CorpusGenerator.Generate(CorpusOptions.Demo() with { Seed = 11, Days = 1 }, trail);
        var bucket = _server.CreateBucket();
        foreach (var (key, content) in new TrailFolder(trail).Files().Where(f => f.Key.StartsWith("AWSLogs/", StringComparison.Ordinal)))
        {
            _server.SeedObject(bucket, "org-trail/" + key, content);
        }

        // When both are ingested
        var fromFolder = await CliRunner.RunAsync("ingest", "--source", trail, "--lake", folder.Sub("lake-folder"));
        var fromS3 = await CliRunner.RunAsync("ingest", "--source", $"s3://{bucket}/org-trail", "--lake", folder.Sub("lake-s3"), "--endpoint-url", _server.ServiceUrl.ToString());
        var again = await CliRunner.RunAsync("ingest", "--source", $"s3://{bucket}/org-trail", "--lake", folder.Sub("lake-s3"), "--endpoint-url", _server.ServiceUrl.ToString());

        // Then the lakes hold the same rows and identities, and the rerun reads nothing new
        Assert.True(fromFolder.ExitCode == 0, fromFolder.ToString());
        Assert.True(fromS3.ExitCode == 0, fromS3.ToString());
        var expected = await CliRunner.RunAsync("query", "--lake", folder.Sub("lake-folder"), "--format", "csv", LakeContent);
        var actual = await CliRunner.RunAsync("query", "--lake", folder.Sub("lake-s3"), "--format", "csv", LakeContent);
        Assert.True(expected.Out.Split('\n').Length > 100, expected.ToString());
        Assert.Equal(expected.Out, actual.Out);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("bedrock_calls 0, credential_events 0, invocation_logs 0", again.Error);
        var sources = await CliRunner.RunAsync("query", "--lake", folder.Sub("lake-s3"), "--format", "csv", "SELECT DISTINCT split_part(source_object, '/', 3) AS bucket FROM bedrock_calls");
        Assert.Equal($"bucket\n{bucket}\n", sources.Out);
    }

    [Fact]
    public async Task Ingest_BucketThatDoesNotExist_ExitsTwoSayingSo()
    {
        using var folder = new TempFolder("s3");

        var run = await CliRunner.RunAsync("ingest", "--source", "s3://no-such-bucket-here/x", "--lake", folder.Sub("lake"), "--endpoint-url", _server.ServiceUrl.ToString());

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no-such-bucket-here", run.Error);
    }
}
