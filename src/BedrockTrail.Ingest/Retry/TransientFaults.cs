using System.Net;
using Amazon.Runtime;
using BedrockTrail.Ingest.Bodies;

namespace BedrockTrail.Ingest.Retry;

/// <summary>
/// Decides whether a fault is worth another try: throttling, 5xx, dropped connections, timeouts and bodies cut
/// short. Client errors (403, 404, bad request) and a caller's own cancellation are final.
/// </summary>
public static class TransientFaults
{
    // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html and the SDK's own throttling list.
    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal)
    {
        "SlowDown", "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled",
        "RequestThrottledException", "TooManyRequestsException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "RequestTimeout", "RequestTimeoutException", "InternalError", "ServiceUnavailable", "PriorRequestNotComplete",
    };

    /// <param name="callerToken">The caller's token: a cancellation it asked for is never retried.</param>
    public static bool IsTransient(Exception exception, CancellationToken callerToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OperationCanceledException:
                    // HttpClient reports its own timeout as a TaskCanceledException; ours is final.
                    return !callerToken.IsCancellationRequested;
                case TruncatedBodyException or TimeoutException or HttpRequestException:
                    return true;
                case FileNotFoundException or DirectoryNotFoundException or PathTooLongException or DriveNotFoundException:
                    return false;
                case IOException:
                    return true;
                case AmazonServiceException service when IsTransientService(service):
                    return true;
                case AmazonServiceException service when service.StatusCode != 0 && service.InnerException is null:
                    return false;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(inner => IsTransient(inner, callerToken));
                default:
                    break;
            }
        }

        return false;
    }

    private static bool IsTransientService(AmazonServiceException e) =>
        (e.ErrorCode is not null && RetryableCodes.Contains(e.ErrorCode))
        || e.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.TooManyRequests;
}
