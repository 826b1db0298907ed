using BedrockTrail.Ingest.Retry;
using BedrockTrail.Ingest.Sources;

namespace BedrockTrail.Cli.Pipeline;

/// <summary>Turns a <c>--source</c> value into a log source: <c>s3://bucket[/prefix]</c> or a local folder.</summary>
internal static class LogSources
{
    public static ILogSource Open(string source, S3Settings s3, ObjectRetryPolicy retry)
    {
        if (S3Location.IsS3Uri(source))
        {
            if (!S3Location.TryParse(source, out var location) || location is null)
            {
                throw new UsageException($"'{source}' is not a valid S3 location; write s3://bucket or s3://bucket/prefix.");
            }

            var options = new S3SourceOptions { Location = location, EndpointUrl = s3.EndpointUrl, Region = s3.Region, Profile = s3.Profile };
            return S3LogSource.Create(options, retry);
        }

        if (!Directory.Exists(source))
        {
            throw new UsageException($"source folder '{source}' does not exist. Give a folder laid out like a CloudTrail bucket (AWSLogs/...) or s3://bucket/prefix.");
        }

        return new FolderLogSource(source);
    }
}
