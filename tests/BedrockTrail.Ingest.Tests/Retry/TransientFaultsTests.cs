using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using BedrockTrail.Ingest.Bodies;
using BedrockTrail.Ingest.Retry;

namespace BedrockTrail.Ingest.Tests.Retry;

public sealed class TransientFaultsTests
{
    public static TheoryData<Exception, bool> Cases => new()
    {
        { S3Error("SlowDown", HttpStatusCode.ServiceUnavailable), true },
        { S3Error("InternalError", HttpStatusCode.InternalServerError), true },
        { S3Error("Whatever", HttpStatusCode.BadGateway), true },
        { S3Error("Whatever", HttpStatusCode.GatewayTimeout), true },
        { S3Error("ThrottlingException", HttpStatusCode.BadRequest), true },
        { S3Error("NoSuchKey", HttpStatusCode.NotFound), false },
        { S3Error("AccessDenied", HttpStatusCode.Forbidden), false },
        { S3Error("NoSuchBucket", HttpStatusCode.NotFound), false },
        { new IOException("connection reset"), true },
        { new HttpRequestException("refused"), true },
        { new TimeoutException(), true },
        { new TaskCanceledException("HttpClient timeout"), true },
        { new TruncatedBodyException(10, 20), true },
        { new AmazonServiceException("wrapped", new HttpRequestException("reset")), true },
        { new AmazonClientException("Failed to resolve AWS credentials"), false },
        { new FileNotFoundException("gone"), false },
        { new InvalidDataException("bad gzip"), false },
        { new UnauthorizedAccessException(), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsTransient_ClassifiesFaults(Exception fault, bool expected) =>
        Assert.Equal(expected, TransientFaults.IsTransient(fault, CancellationToken.None));

    [Fact]
    public void IsTransient_CancellationByCaller_IsFinal()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.False(TransientFaults.IsTransient(new OperationCanceledException(cts.Token), cts.Token));
    }

    private static AmazonS3Exception S3Error(string code, HttpStatusCode status) =>
        new(code + " message", ErrorType.Sender, code, "req-1", status);
}
