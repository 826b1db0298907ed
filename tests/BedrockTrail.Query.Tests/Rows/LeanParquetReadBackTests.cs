using BedrockTrail.Lake;
using BedrockTrail.Lake.Schema;
using BedrockTrail.Normalise.LakeWriting;
using BedrockTrail.Normalise.LakeWriting.Parquet;
using BedrockTrail.Query.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Query.Tests.Rows;

/// <summary>
/// The flat Parquet writer's files against Parquet.Net's for the same rows, read by DuckDB as the lake's views read
/// them: same rows, same physical schema, so a lake mixing old and new files reads as one.
/// </summary>
public sealed class LeanParquetReadBackTests
{
    private static readonly DateTime Day1 = new DateTime(2024, 10, 8, 16, 15, 32, DateTimeKind.Utc).AddTicks(1_234_567);
    private static readonly DateTime BeforeEpoch = new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_990);
    private static readonly string?[] Texts = [null, "", "ünïcødé 日本語 🚀", "it's \"quoted\"\n"];

    [Fact]
    public async Task FlatWriter_BedrockCalls_DuckDbReadsTheSameRowsAndSchemaAsParquetNet()
    {
        var rows = Enumerable.Range(0, 30).Select(i => Some.Call($"e{i}", Day1.AddSeconds(i * 7.5)) with
        {
            ErrorMessage = Texts[i % Texts.Length],
            UserAgent = Texts[(i + 1) % Texts.Length],
            SessionCreated = i % 3 == 0 ? null : BeforeEpoch.AddDays(-i),
            MfaAuthenticated = (i % 3) switch { 0 => null, 1 => true, _ => false },
            ReadOnly = null,
            SourceIdentity = null,
        }).ToList();

        await AssertSameInDuckDbAsync(LakeTables.BedrockCalls, rows, "event_time");
    }

    [Fact]
    public async Task FlatWriter_CredentialEvents_DuckDbReadsTheSameRowsAndSchemaAsParquetNet()
    {
        var rows = Enumerable.Range(0, 30).Select(i => Some.AssumeRole($"e{i}", Day1.AddMinutes(-i), $"ASIAKEY{i:D13}") with
        {
            SessionTags = Texts[i % Texts.Length],
            CallerSessionCreated = i % 2 == 0 ? null : BeforeEpoch.AddYears(-i),
            ErrorCode = null,
        }).ToList();

        await AssertSameInDuckDbAsync(LakeTables.CredentialEvents, rows, "caller_session_created");
    }

    [Fact]
    public async Task FlatWriter_InvocationLogs_DuckDbReadsTheSameRowsAndSchemaAsParquetNet()
    {
        var rows = Enumerable.Range(0, 30).Select(i => Some.Log($"r{i}", Day1.AddSeconds(i), i * 1000L, -i) with
        {
            CacheReadInputTokens = (i % 3) switch { 0 => null, 1 => long.MaxValue, _ => long.MinValue },
            CacheWriteInputTokens = null,
            ErrorCode = Texts[i % Texts.Length],
        }).ToList();

        await AssertSameInDuckDbAsync(LakeTables.InvocationLogs, rows, "event_time");
    }

    private static async Task AssertSameInDuckDbAsync<TRow>(LakeTable<TRow> table, IReadOnlyList<TRow> rows, string timeColumn)
    {
        // Given the same rows written by the flat writer and by Parquet.Net, in row groups of 7
        using var folder = new TempFolder("flat-parquet");
        var flat = folder.Sub("flat.parquet");
        var old = folder.Sub("old.parquet");
        await using (var stream = File.Create(flat))
        {
            FlatParquetWriter.Write(table, rows, stream, 7, CancellationToken.None);
        }

        await using (var stream = File.Create(old))
        {
            await ParquetTableFile.WriteWithParquetNetAsync(table, rows, stream, 7, CancellationToken.None);
        }

        // When DuckDB reads both
        using var db = LakeDatabase.Open(new LakeLayout(folder.Sub("lake")));
        var flatOnly = db.Query($"SELECT count(*) FROM (SELECT * FROM read_parquet('{flat}') EXCEPT ALL SELECT * FROM read_parquet('{old}'))");
        var oldOnly = db.Query($"SELECT count(*) FROM (SELECT * FROM read_parquet('{old}') EXCEPT ALL SELECT * FROM read_parquet('{flat}'))");
        var counts = db.Query($"SELECT (SELECT count(*) FROM read_parquet('{flat}')), (SELECT count(*) FROM read_parquet('{old}'))");
        const string SchemaColumns = "name, type, type_length, repetition_type, num_children, converted_type, logical_type";
        var flatSchema = db.Query($"SELECT {SchemaColumns} FROM parquet_schema('{flat}')");
        var oldSchema = db.Query($"SELECT {SchemaColumns} FROM parquet_schema('{old}')");
        var times = db.Query($"SELECT any_value(typeof({timeColumn})), min({timeColumn}) FROM read_parquet('{flat}')");

        // Then the same multiset of rows, the same physical schema, and timestamps typed and placed alike
        Assert.Equal(0L, Convert.ToInt64(flatOnly.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64(oldOnly.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new object?[] { (long)rows.Count, (long)rows.Count }, counts.Rows[0].Select(v => (object?)Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(table.Columns.Count + 1, flatSchema.Rows.Count);
        Assert.Equal(oldSchema.Rows.Select(r => string.Join('|', r)), flatSchema.Rows.Select(r => string.Join('|', r)));
        Assert.Equal("TIMESTAMP", times.Rows[0][0]);
        var expectedMin = rows.Select(r => ((TimestampColumn<TRow>)table.Columns.Single(c => c.Name == timeColumn)).Get(r)).Min()!.Value;
        Assert.Equal(expectedMin.AddTicks(-(expectedMin.Ticks % 10)), times.Rows[0][1]);
    }
}
