using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.Randomness;
using BedrockTrail.Synthetic.Scenarios;
using BedrockTrail.Synthetic.World;

namespace BedrockTrail.Synthetic.Output;

/// <summary>
/// Bedrock model invocation logs: gzipped JSON lines, one file per account, region and hour, in the documented record
/// shape (fixtures/samples/awsdocs/bedrock-ug-model-invocation-logging.log-entry-format.json), plus the permission-check
/// object Bedrock writes when logging is configured
/// (https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html).
/// </summary>
internal static class InvocationLogWriter
{
    public static void WriteAll(SyntheticWorld world, string root, IReadOnlyList<InvocationLogEntry> entries, WriteCounters counters)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var scratch = new MemoryStream();
        var groups = entries
            .GroupBy(e => (e.AccountId, e.Region, Hour: new DateTimeOffset(e.Time.Year, e.Time.Month, e.Time.Day, e.Time.Hour, 0, 0, TimeSpan.Zero)))
            .OrderBy(g => g.Key.AccountId, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal).ThenBy(g => g.Key.Hour);
        var accounts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            accounts.Add(group.Key.AccountId);
            var rng = SeededRandom.Derive(world.Options.Seed, 30, SyntheticWorld.StableHash(group.Key.AccountId + group.Key.Region), group.Key.Hour.Ticks);
            buffer.ResetWrittenCount();
            foreach (var entry in group.OrderBy(e => e.Time))
            {
                WriteRecord(buffer, entry);
                counters.InvocationLogRecords++;
                counters.InputTokens += entry.InputTokens;
                counters.OutputTokens += entry.OutputTokens;
            }

            var name = group.Key.Hour.AddMinutes(rng.Next(1, 59)).UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "_" + AwsIds.HexString(rng, 16) + ".json.gz";
            var path = Path.Combine(root, TrailLayout.InvocationLogFolder(group.Key.AccountId, group.Key.Region, group.Key.Hour), name);
            Gzip.WriteFile(path, buffer.WrittenSpan, scratch, world.Options.Compression);
            counters.InvocationLogFiles++;
        }

        foreach (var account in accounts)
        {
            // Bedrock writes this object to test the bucket policy; readers must skip it.
            var check = Path.Combine(root, "AWSLogs", account, "BedrockModelInvocationLogs", "amazon-bedrock-logs-permission-check");
            File.WriteAllBytes(check, []);
        }
    }

    private static void WriteRecord(ArrayBufferWriter<byte> buffer, InvocationLogEntry e)
    {
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("schemaType", "ModelInvocationLog");
            w.WriteString("schemaVersion", "1.0");
            w.WriteString("timestamp", TrailEventWriter.Time(e.Time));
            w.WriteString("accountId", e.AccountId);
            w.WriteString("region", e.Region);
            w.WriteString("requestId", e.RequestId);
            w.WriteString("operation", e.Operation);
            w.WriteString("modelId", e.ModelId);
            w.WriteStartObject("identity");
            w.WriteString("arn", e.IdentityArn);
            w.WriteEndObject();
            if (e.InferenceRegion is not null)
            {
                w.WriteString("inferenceRegion", e.InferenceRegion);
            }

            w.WriteStartObject("input");
            w.WriteString("inputContentType", "application/json");
            w.WriteStartObject("inputBodyJson");
            w.WriteEndObject();
            w.WriteNumber("inputTokenCount", e.InputTokens);
            if (e.CacheReadTokens is { } cached)
            {
                w.WriteNumber("cacheReadInputTokenCount", cached);
                w.WriteNumber("cacheWriteInputTokenCount", 0);
            }

            w.WriteEndObject();
            w.WriteStartObject("output");
            w.WriteString("outputContentType", "application/json");
            w.WriteStartObject("outputBodyJson");
            w.WriteEndObject();
            w.WriteNumber("outputTokenCount", e.OutputTokens);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
    }
}
