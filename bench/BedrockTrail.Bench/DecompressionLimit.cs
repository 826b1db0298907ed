using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;

namespace BedrockTrail.Bench;

/// <summary>The physical limit: only decompressing the same CloudTrail files, on all cores, and counting bytes.</summary>
internal static class DecompressionLimit
{
    public static (long Bytes, TimeSpan Elapsed) Run(string corpus)
    {
        var files = CloudTrailFiles(corpus);
        long total = 0;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            long bytes = 0;
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                bytes += read;
            }

            ArrayPool<byte>.Shared.Return(buffer);
            Interlocked.Add(ref total, bytes);
        });
        return (total, clock.Elapsed);
    }

    public static IReadOnlyList<string> CloudTrailFiles(string corpus) =>
        Directory.EnumerateFiles(Path.Combine(corpus, "AWSLogs"), "*.json.gz", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}CloudTrail{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
}
