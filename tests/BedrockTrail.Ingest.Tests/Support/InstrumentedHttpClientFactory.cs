using System.Net;
using System.Text;
using Amazon.Runtime;

namespace BedrockTrail.Ingest.Tests.Support;

/// <summary>
/// An SDK HttpClientFactory whose handler counts requests and injects faults in front of the real s3rver:
/// 503 SlowDown for the first N object GETs, and one GET whose body is cut half way with an IOException.
/// </summary>
internal sealed class InstrumentedHttpClientFactory : HttpClientFactory
{
    private readonly FaultHandler _handler = new();

    public int ListRequests => _handler.ListRequests;

    public int ObjectRequests => _handler.ObjectRequests;

    /// <summary>How many upcoming object GETs answer 503 SlowDown.</summary>
    public int SlowDownGets
    {
        get => _handler.SlowDownGets;
        set => _handler.SlowDownGets = value;
    }

    /// <summary>How many upcoming object GETs (after the 503s) have their body dropped half way.</summary>
    public int DroppedBodies
    {
        get => _handler.DroppedBodies;
        set => _handler.DroppedBodies = value;
    }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(_handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    private sealed class FaultHandler : DelegatingHandler
    {
        private int _listRequests;
        private int _objectRequests;

        public FaultHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public int ListRequests => Volatile.Read(ref _listRequests);

        public int ObjectRequests => Volatile.Read(ref _objectRequests);

        public int SlowDownGets { get; set; }

        public int DroppedBodies { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var isList = request.RequestUri!.Query.Contains("list-type=2", StringComparison.Ordinal);
            if (isList)
            {
                Interlocked.Increment(ref _listRequests);
                return await base.SendAsync(request, cancellationToken);
            }

            if (request.Method != HttpMethod.Get)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            Interlocked.Increment(ref _objectRequests);
            if (SlowDownGets > 0)
            {
                SlowDownGets--;
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                {
                    RequestMessage = request,
                    Content = new StringContent(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>R1</RequestId></Error>",
                        Encoding.UTF8,
                        "application/xml"),
                };
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (DroppedBodies > 0 && response.IsSuccessStatusCode)
            {
                DroppedBodies--;
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var headers = response.Content.Headers;
                var cut = new StreamContent(new DroppingStream(bytes, bytes.Length / 2));
                foreach (var header in headers)
                {
                    cut.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                response.Content = cut;
            }

            return response;
        }
    }

    /// <summary>Gives the first bytes of a body, then fails the way a reset connection does.</summary>
    private sealed class DroppingStream(byte[] bytes, int cutAt) : MemoryStream(bytes, 0, cutAt, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => Check(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Check(base.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Check(await base.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private static int Check(int read) =>
            read > 0 ? read : throw new IOException("The connection was reset by the test (injected).");
    }
}
