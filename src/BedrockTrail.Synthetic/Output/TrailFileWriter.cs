using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using BedrockTrail.Synthetic.Randomness;
using BedrockTrail.Synthetic.Scenarios;
using BedrockTrail.Synthetic.World;

namespace BedrockTrail.Synthetic.Output;

/// <summary>
/// Delivers the corpus as CloudTrail does: one gzipped <c>{"Records":[...]}</c> file per account, region and
/// five-minute window, records out of time order, a few records delivered twice, the folder dated by delivery time
/// (so late windows land in the next day's folder).
/// </summary>
internal sealed class TrailFileWriter
{
    private const int QuietBatch = 8;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly SyntheticWorld _world;
    private readonly CorpusPlan _plan;
    private readonly string _root;
    private readonly NoiseGenerator _noise;

    public TrailFileWriter(SyntheticWorld world, CorpusPlan plan, string root)
    {
        _world = world;
        _plan = plan;
        _root = root;
        _noise = new NoiseGenerator(world, plan);
    }

    public List<DeliveredFile> WriteAll(WriteCounters counters)
    {
        var options = _world.Options;
        var windows = (int)((_world.End - _world.Start) / Window);
        var regions = options.Regions.Concat(_plan.Records.Select(r => r.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var cells = new Dictionary<(int Account, int Region, int Window), List<PlannedRecord>>();
        var dupRng = SeededRandom.Derive(options.Seed, 20);
        foreach (var record in _plan.Records)
        {
            var cell = (Account: IndexOf(_world.Accounts, record.AccountId), Region: regions.IndexOf(record.Region), Window: (int)((record.Time - _world.Start) / Window));
            Add(cells, cell, record);
            if (dupRng.Chance(options.DuplicateShare))
            {
                Add(cells, cell with { Window = cell.Window + 1 + dupRng.Next(3) }, record);
                counters.DuplicateDeliveries++;
            }
        }

        var noiseTotal = Math.Max(0, options.EventCount - _plan.Records.Count);
        var noiseMean = (double)noiseTotal / (_world.Accounts.Count * options.Regions.Count * windows);
        var files = new List<DeliveredFile>();
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        using var gz = new MemoryStream();
        for (var a = 0; a < _world.Accounts.Count; a++)
        {
            for (var r = 0; r < regions.Count; r++)
            {
                for (var w = 0; w < windows + 4; w++)
                {
                    cells.TryGetValue((a, r, w), out var planned);
                    var rng = SeededRandom.Derive(options.Seed, 21, a, r, w);
                    var noise = r < options.Regions.Count && w < windows ? NoiseCount(rng, noiseMean) : 0;
                    if ((planned?.Count ?? 0) + noise == 0)
                    {
                        continue;
                    }

                    files.Add(WriteFile(buffer, gz, rng, _world.Accounts[a], regions[r], _world.Start + (w * Window), planned ?? [], noise, counters));
                }
            }
        }

        return files;
    }

    private DeliveredFile WriteFile(ArrayBufferWriter<byte> buffer, MemoryStream gz, SeededRandom rng, string account, string region, DateTimeOffset windowStart, List<PlannedRecord> planned, int noise, WriteCounters counters)
    {
        var delivered = windowStart + Window + TimeSpan.FromSeconds(rng.Next(30, 600));
        var order = new int[planned.Count + noise];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i < planned.Count ? i : -1;
        }

        rng.Shuffle(order);
        buffer.ResetWrittenCount();
        var oldest = DateTimeOffset.MaxValue;
        var newest = DateTimeOffset.MinValue;
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            foreach (var index in order)
            {
                DateTimeOffset time;
                if (index >= 0)
                {
                    writer.WriteRawValue(planned[index].Json, skipInputValidation: true);
                    time = planned[index].Time;
                }
                else
                {
                    time = _noise.Write(writer, rng, account, region, windowStart);
                    counters.NoiseEvents++;
                }

                oldest = time < oldest ? time : oldest;
                newest = time > newest ? time : newest;
                if (delivered.UtcDateTime.Date > time.UtcDateTime.Date)
                {
                    counters.NextDayDeliveries++;
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        counters.TrailRecords += order.Length;
        counters.TrailFiles++;
        var key = TrailLayout.LogFile(_world.Options.OrgId, account, region, delivered, AwsIds.FileSuffix(rng));
        var hash = Gzip.WriteFile(Path.Combine(_root, key), buffer.WrittenSpan, gz, _world.Options.Compression);
        return new DeliveredFile(account, region, key, delivered, hash, oldest, newest);
    }

    /// <summary>
    /// Noise for one window, averaging <paramref name="mean"/>. A quiet trail does not deliver a file every five
    /// minutes with one record in it: below <see cref="QuietBatch"/> records a window, activity comes in batches.
    /// </summary>
    private static int NoiseCount(SeededRandom rng, double mean)
    {
        if (mean >= QuietBatch)
        {
            return (int)(mean * (0.5 + rng.NextDouble()) + rng.NextDouble());
        }

        return rng.Chance(mean / QuietBatch) ? rng.Next(QuietBatch / 2, QuietBatch + QuietBatch / 2 + 1) : 0;
    }

    private static void Add(Dictionary<(int, int, int), List<PlannedRecord>> cells, (int, int, int) cell, PlannedRecord record)
    {
        if (!cells.TryGetValue(cell, out var list))
        {
            list = [];
            cells[cell] = list;
        }

        list.Add(record);
    }

    private static int IndexOf(IReadOnlyList<string> items, string item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] == item)
            {
                return i;
            }
        }

        throw new InvalidOperationException(item + " is not a corpus account.");
    }
}

/// <summary>Gzips bytes to a file and returns the SHA-256 of what was written (digest files list it).</summary>
internal static class Gzip
{
    public static string WriteFile(string path, ReadOnlySpan<byte> content, MemoryStream scratch, CompressionLevel level)
    {
        scratch.SetLength(0);
        using (var zip = new GZipStream(scratch, level, leaveOpen: true))
        {
            zip.Write(content);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = scratch.GetBuffer().AsSpan(0, (int)scratch.Length);
        using (var file = File.Create(path))
        {
            file.Write(bytes);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
