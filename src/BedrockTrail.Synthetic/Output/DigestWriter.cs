using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.World;

namespace BedrockTrail.Synthetic.Output;

/// <summary>
/// Hourly digest files (JSON with logFiles[], no Records) beside the logs, so an ingest meets them as it would in a
/// real bucket (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html).
/// The signature is a placeholder: nothing here validates it.
/// </summary>
internal static class DigestWriter
{
    public static void WriteAll(SyntheticWorld world, string root, IReadOnlyList<DeliveredFile> files, WriteCounters counters)
    {
        var options = world.Options;
        var bucket = TrailLayout.Bucket(options.OrgId, world.ManagementAccount);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var scratch = new MemoryStream();
        var groups = files
            .GroupBy(f => (f.Account, f.Region, Hour: new DateTimeOffset(f.Delivered.Year, f.Delivered.Month, f.Delivered.Day, f.Delivered.Hour, 0, 0, TimeSpan.Zero)))
            .OrderBy(g => g.Key.Account, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal).ThenBy(g => g.Key.Hour);
        foreach (var group in groups)
        {
            var end = group.Key.Hour.AddHours(1);
            var key = TrailLayout.DigestFile(options.OrgId, group.Key.Account, group.Key.Region, world.HomeRegion, end);
            buffer.ResetWrittenCount();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("awsAccountId", group.Key.Account);
                w.WriteString("digestStartTime", TrailEventWriter.Time(group.Key.Hour));
                w.WriteString("digestEndTime", TrailEventWriter.Time(end));
                w.WriteString("digestS3Bucket", bucket);
                w.WriteString("digestS3Object", key);
                w.WriteString("digestPublicKeyFingerprint", "0123456789abcdef0123456789abcdef");
                w.WriteString("digestSignatureAlgorithm", "SHA256withRSA");
                w.WriteString("newestEventTime", TrailEventWriter.Time(group.Max(f => f.Newest)));
                w.WriteString("oldestEventTime", TrailEventWriter.Time(group.Min(f => f.Oldest)));
                w.WriteNull("previousDigestS3Bucket");
                w.WriteNull("previousDigestS3Object");
                w.WriteNull("previousDigestHashValue");
                w.WriteNull("previousDigestHashAlgorithm");
                w.WriteNull("previousDigestSignature");
                w.WriteStartArray("logFiles");
                foreach (var file in group)
                {
                    w.WriteStartObject();
                    w.WriteString("s3Bucket", bucket);
                    w.WriteString("s3Object", file.Key);
                    w.WriteString("hashValue", file.Sha256Hex);
                    w.WriteString("hashAlgorithm", "SHA-256");
                    w.WriteString("newestEventTime", TrailEventWriter.Time(file.Newest));
                    w.WriteString("oldestEventTime", TrailEventWriter.Time(file.Oldest));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            Gzip.WriteFile(Path.Combine(root, key), buffer.WrittenSpan, scratch, CompressionLevel.Fastest);
            counters.DigestFiles++;
        }
    }
}
