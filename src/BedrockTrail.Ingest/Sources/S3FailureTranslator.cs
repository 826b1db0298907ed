using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using BedrockTrail.Ingest.Retry;

namespace BedrockTrail.Ingest.Sources;

/// <summary>Turns the SDK's exceptions into a <see cref="LogSourceException"/> a person can act on.</summary>
internal static class S3FailureTranslator
{
    /// <summary>A final failure of the source as a whole, or null when <paramref name="e"/> is not one we recognise.</summary>
    public static LogSourceException? ForSource(Exception e, S3Location location, string endpoint)
    {
        switch (e)
        {
            case LogSourceException already:
                return already;
            case AmazonS3Exception { ErrorCode: "NoSuchBucket" }:
                return new(LogSourceFailure.BucketNotFound, $"The bucket '{location.Bucket}' does not exist at {endpoint}. Check the name in --source (and --endpoint-url).", e);
            case AmazonServiceException { ErrorCode: "InvalidAccessKeyId" or "ExpiredToken" or "InvalidToken" or "TokenRefreshRequired" or "SignatureDoesNotMatch" }:
                return new(LogSourceFailure.NoCredentials, $"S3 rejected the credentials ({((AmazonServiceException)e).ErrorCode}) for {location}. Refresh them (for SSO: 'aws sso login'), or pick others with --profile.", e);
            case AmazonServiceException { StatusCode: HttpStatusCode.Forbidden }:
                return new(LogSourceFailure.AccessDenied, $"Access denied to {location}. The credentials need s3:ListBucket on the bucket and s3:GetObject on its keys (and kms:Decrypt for SSE-KMS trails); or pass --profile for another identity.", e);
            case AmazonClientException client when client.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase):
                return new(LogSourceFailure.NoCredentials, $"No usable AWS credentials for {location}: set AWS_PROFILE or pass --profile <name>. {client.Message}", e);
            default:
                break;
        }

        return IsUnreachable(e)
            ? new(LogSourceFailure.EndpointUnreachable, $"Cannot reach the S3 endpoint {endpoint} ({Innermost(e).Message}). Check --endpoint-url, --region, the network or proxy settings.", e)
            : null;
    }

    /// <summary>An object listed earlier that is now missing, or null.</summary>
    public static LogSourceException? ForObject(Exception e, string uri) =>
        e is AmazonS3Exception { ErrorCode: "NoSuchKey" } or AmazonS3Exception { StatusCode: HttpStatusCode.NotFound, ErrorCode: not "NoSuchBucket" }
            ? new(LogSourceFailure.ObjectNotFound, $"{uri} was listed but is gone.", e)
            : null;

    private static bool IsUnreachable(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is HttpRequestException or SocketException)
            {
                return true;
            }
        }

        return e is AmazonServiceException { StatusCode: 0 } && TransientFaults.IsTransient(e, CancellationToken.None);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
