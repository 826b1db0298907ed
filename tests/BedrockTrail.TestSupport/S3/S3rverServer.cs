using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Xunit;

namespace BedrockTrail.TestSupport.S3;

/// <summary>
/// A real S3 protocol server (s3rver 3.7.1 on Node) on 127.0.0.1 with its own temp data folder, for integration
/// tests. Use it as an xUnit fixture (<c>IClassFixture&lt;S3rverServer&gt;</c>, or a collection fixture declared in
/// the test project), or call <see cref="StartAsync"/>. Disposing kills the process tree and deletes the folder.
/// </summary>
public sealed partial class S3rverServer : IAsyncLifetime, IDisposable
{
    /// <summary>s3rver's built-in account; it checks signatures against this secret.</summary>
    public const string AccessKeyId = "S3RVER";

    public const string SecretAccessKey = "S3RVER";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly TempFolder _folder = new("s3rver");
    private Process? _process;
    private Uri? _serviceUrl;

    /// <summary>The <c>ServiceURL</c> for the SDK (path-style), e.g. http://127.0.0.1:41234/.</summary>
    public Uri ServiceUrl => _serviceUrl ?? throw new InvalidOperationException("s3rver is not started.");

    /// <summary>The folder s3rver stores buckets in: one sub-folder per bucket.</summary>
    public string DataDirectory => _folder.Sub("data");

    /// <summary>CPU time the server process has used so far (the bench reports how much of the S3 path is s3rver's own).</summary>
    public TimeSpan ServerProcessorTime
    {
        get
        {
            var process = _process ?? throw new InvalidOperationException("s3rver is not started.");
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static async Task<S3rverServer> StartAsync()
    {
        var server = new S3rverServer();
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public async Task InitializeAsync()
    {
        if (_process is not null)
        {
            return;
        }

        var script = S3rverLocator.Find();
        Directory.CreateDirectory(DataDirectory);
        var preload = _folder.Sub("s3rver-sorted-walk.js");
        var utils = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(script)!)!, "lib", "utils.js");
        await File.WriteAllTextAsync(preload, S3rverPreload.Script(utils));

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-r", preload, script, "--directory", DataDirectory, "--port", "0", "--address", "127.0.0.1", "--silent"])
        {
            start.ArgumentList.Add(arg);
        }

        // Node 17+ has no DES without the legacy provider, and s3rver encrypts continuation tokens with it.
        start.Environment["NODE_OPTIONS"] = "--openssl-legacy-provider";
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stderr = new StringBuilder();
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();

        // The CLI prints "S3rver listening on 127.0.0.1:<port>" once the socket is bound, even with --silent.
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            string? line;
            try
            {
                line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                line = null;
            }

            if (line is null)
            {
                string errors;
                lock (stderr)
                {
                    errors = stderr.ToString();
                }

                Dispose();
                throw new InvalidOperationException("s3rver did not start: " + errors);
            }

            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                _serviceUrl = new Uri($"http://127.0.0.1:{match.Groups[1].Value}/");
                break;
            }
        }

        // Keep draining stdout so the child never blocks on a full pipe.
        _ = _process.StandardOutput.ReadToEndAsync(CancellationToken.None);
    }

    /// <summary>An SDK config for this server: path-style, SDK retries off, checksums only when required (s3rver
    /// stores the aws-chunked framing otherwise).</summary>
    public AmazonS3Config CreateConfig(HttpClientFactory? httpClientFactory = null)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = ServiceUrl.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        return config;
    }

    public static AWSCredentials Credentials => new BasicAWSCredentials(AccessKeyId, SecretAccessKey);

    public IAmazonS3 CreateClient(HttpClientFactory? httpClientFactory = null) =>
        new AmazonS3Client(Credentials, CreateConfig(httpClientFactory));

    /// <summary>Creates an empty bucket (a folder in s3rver's store) with a fresh unique name, and returns it.</summary>
    public string CreateBucket(string prefix = "bkt")
    {
        var name = (prefix + "-" + Guid.NewGuid().ToString("N")[..12]).ToLowerInvariant();
        Directory.CreateDirectory(Path.Combine(DataDirectory, name));
        return name;
    }

    /// <summary>
    /// Writes an object straight into s3rver's store: <c>&lt;key&gt;._S3rver_object</c> with its <c>.md5</c> and
    /// <c>._S3rver_metadata.json</c> beside it, exactly as s3rver's own PutObject does. Thousands per second.
    /// </summary>
    public void SeedObject(string bucket, string key, ReadOnlySpan<byte> content, string contentType = "application/octet-stream")
    {
        var basePath = Path.Combine([DataDirectory, bucket, .. key.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(basePath)!);
        File.WriteAllBytes(basePath + "._S3rver_object", content);
#pragma warning disable CA5351 // Not security: s3rver's ETag is the MD5 of the body, as S3's is for single-part uploads.
        File.WriteAllText(basePath + "._S3rver_object.md5", Convert.ToHexStringLower(MD5.HashData(content)));
#pragma warning restore CA5351
        File.WriteAllText(basePath + "._S3rver_metadata.json", "{\n  \"content-type\": " + System.Text.Json.JsonSerializer.Serialize(contentType) + "\n}");
    }

    /// <summary>Uploads through the SDK (slower than <see cref="SeedObject"/>; exercises the real PUT path).</summary>
    public static async Task PutObjectAsync(IAmazonS3 client, string bucket, string key, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var body = new MemoryStream(content, writable: false);
        await client.PutObjectAsync(
            new PutObjectRequest { BucketName = bucket, Key = key, InputStream = body, UseChunkEncoding = false },
            cancellationToken);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        _folder.Dispose();
    }

    [GeneratedRegex(@"listening on [^:\s]+:(\d+)")]
    private static partial Regex ListeningLine();
}
