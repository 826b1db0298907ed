using BedrockTrail.Lake;
using BedrockTrail.Lake.Schema;
using BedrockTrail.Normalise.LakeWriting;
using BedrockTrail.Normalise.LakeWriting.Parquet;
using BedrockTrail.TestSupport;
using Parquet.Meta;

namespace BedrockTrail.Normalise.Tests.LakeWriting.Parquet;

public sealed class FlatParquetWriterTests
{
    public static TheoryData<string> IngestTables => [LakeTables.BedrockCalls.Name, LakeTables.CredentialEvents.Name, LakeTables.InvocationLogs.Name];

    [Theory]
    [MemberData(nameof(IngestTables))]
    public Task Write_MessyRowsInSmallRowGroups_ParquetNetReadsBackEveryValue(string table) => table switch
    {
        "bedrock_calls" => AssertRoundTripAsync(LakeTables.BedrockCalls, MessyRows.Make<BedrockCall>(40, nameof(BedrockCall.ErrorMessage), nameof(BedrockCall.SessionCreated), nameof(BedrockCall.ReadOnly))),
        "credential_events" => AssertRoundTripAsync(LakeTables.CredentialEvents, MessyRows.Make<CredentialEvent>(40, nameof(CredentialEvent.FederationAudience), nameof(CredentialEvent.CallerSessionCreated))),
        _ => AssertRoundTripAsync(LakeTables.InvocationLogs, MessyRows.Make<InvocationLogRecord>(40, nameof(InvocationLogRecord.CacheWriteInputTokens), nameof(InvocationLogRecord.ErrorCode))),
    };

    [Theory]
    [MemberData(nameof(IngestTables))]
    public Task Write_EachIngestTable_SchemaEqualsParquetNetPaths(string table) => table switch
    {
        "bedrock_calls" => AssertSameSchemaAsync(LakeTables.BedrockCalls, MessyRows.Make<BedrockCall>(5)),
        "credential_events" => AssertSameSchemaAsync(LakeTables.CredentialEvents, MessyRows.Make<CredentialEvent>(5)),
        _ => AssertSameSchemaAsync(LakeTables.InvocationLogs, MessyRows.Make<InvocationLogRecord>(5)),
    };

    [Fact]
    public Task Write_OtherScalarTables_SchemaEqualsParquetNetPaths() =>
        Task.WhenAll(
            AssertSameSchemaAsync(LakeTables.Quarantine, MessyRows.Make<QuarantineEntry>(3)),
            AssertSameSchemaAsync(LakeTables.Ingested, MessyRows.Make<IngestedObject>(3)));

    [Fact]
    public Task Write_OtherScalarTables_ParquetNetReadsBackEveryValue() =>
        Task.WhenAll(
            AssertRoundTripAsync(LakeTables.Quarantine, MessyRows.Make<QuarantineEntry>(9)),
            AssertRoundTripAsync(LakeTables.Ingested, MessyRows.Make<IngestedObject>(9)));

    [Fact]
    public async Task Write_ColumnOfSeveralMegabytes_SplitsIntoPagesThatReadBack()
    {
        // Given three error codes of 700 kB each: the first page is cut after two, past the 1 MB page target
        var rows = MessyRows.Make<InvocationLogRecord>(3)
            .Select((r, i) => r with { ErrorCode = new string((char)('a' + i), 700_000) + "é" })
            .ToList();

        // When written in one row group, Then every value reads back and the chunk is bigger than one page would allow
        var back = await AssertRoundTripAsync(LakeTables.InvocationLogs, rows, rowGroupSize: 100);
        var errorCode = back.Metadata.RowGroups[0].Columns.Single(c => c.MetaData!.PathInSchema[0] == "error_code").MetaData!;
        Assert.Equal(3, errorCode.NumValues);
        Assert.True(errorCode.TotalUncompressedSize > (3 * 700_000) + 12, errorCode.TotalUncompressedSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Write_NoRows_FileWithSchemaAndNoRowGroups()
    {
        var back = await AssertRoundTripAsync(LakeTables.BedrockCalls, new List<BedrockCall>());

        Assert.Equal(0, back.RowGroups);
        Assert.Equal(0, back.Metadata.NumRows);
        Assert.Equal(40, back.Metadata.Schema.Count);
    }

    [Fact]
    public async Task Write_ChunkMetadata_CountsValuesNullsAndZstd()
    {
        // Given 10 calls in row groups of 4 whose error message is null on every row
        var rows = MessyRows.Make<BedrockCall>(10, nameof(BedrockCall.ErrorMessage));

        // When written
        var back = await AssertRoundTripAsync(LakeTables.BedrockCalls, rows, rowGroupSize: 4);

        // Then the groups hold 4, 4 and 2 rows, each chunk zstd with its exact null count, pages back to back
        Assert.Equal([4L, 4L, 2L], back.Metadata.RowGroups.Select(g => g.NumRows));
        var errorMessage = back.Metadata.RowGroups[2].Columns[LakeTables.BedrockCalls.Columns.ToList().FindIndex(c => c.Name == "error_message")].MetaData!;
        Assert.Equal(CompressionCodec.ZSTD, errorMessage.Codec);
        Assert.Equal(2, errorMessage.NumValues);
        Assert.Equal(2, errorMessage.Statistics!.NullCount);
        Assert.Equal([Encoding.PLAIN, Encoding.RLE], errorMessage.Encodings);
        var chunks = back.Metadata.RowGroups.SelectMany(g => g.Columns).Select(c => c.MetaData!).ToList();
        Assert.Equal(4, chunks[0].DataPageOffset);
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.Equal(chunks[i - 1].DataPageOffset + chunks[i - 1].TotalCompressedSize, chunks[i].DataPageOffset);
        }
    }

    [Fact]
    public async Task WriteAsync_IngestTableAndListTable_FlatWriterOnlyForTheScalarOne()
    {
        // Given a table of scalars and one with list columns
        var calls = await WriteThroughLakeAsync(LakeTables.BedrockCalls, MessyRows.Make<BedrockCall>(3));
        var identities = await WriteThroughLakeAsync(LakeTables.Identities, [new IdentityRow
        {
            SessionKey = "k",
            Identity = "alice",
            IdentityKind = "person",
            Chain = ["a", "b"],
            Hops = 1,
            ChainAccounts = [],
            Status = "resolved",
            Evidence = "assume-role",
            LinkEvidence = ["assume-role"],
        }
        ]);

        // Then the lake's entry point picks the writer by the columns
        Assert.Equal(FlatParquetFooter.CreatedBy, (await ReadMetadataAsync(LakeTables.BedrockCalls, calls)).CreatedBy);
        Assert.StartsWith("Parquet.Net", (await ReadMetadataAsync(LakeTables.Identities, identities)).CreatedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CancelledToken_ThrowsOperationCanceled()
    {
        using var stream = new MemoryStream();

        Assert.Throws<OperationCanceledException>(() =>
            FlatParquetWriter.Write(LakeTables.BedrockCalls, MessyRows.Make<BedrockCall>(2), stream, 10, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task Write_AfterAWriteThatFailedHalfWay_WritesAWholeFile()
    {
        // Given a write of several megabytes that fails at its first flush to the destination, leaving the writer's
        // buffers part filled (writers are kept between files)
        var rows = MessyRows.Make<InvocationLogRecord>(3)
            .Select((r, i) => r with { ErrorCode = new string((char)('k' + i), 700_000) })
            .ToList();
        using (var failing = new FailingStream())
        {
            Assert.Throws<IOException>(() => FlatParquetWriter.Write(LakeTables.InvocationLogs, rows, failing, 100, CancellationToken.None));
        }

        // When the same rows are written twice more on the same thread
        using var next = new MemoryStream();
        FlatParquetWriter.Write(LakeTables.InvocationLogs, rows, next, 100, CancellationToken.None);
        using var again = new MemoryStream();
        FlatParquetWriter.Write(LakeTables.InvocationLogs, rows, again, 100, CancellationToken.None);

        // Then the first file after the failure holds nothing of it: it is the same file as the one after it
        Assert.Equal(again.ToArray(), next.ToArray());
        await AssertRoundTripAsync(LakeTables.InvocationLogs, rows, rowGroupSize: 2);
    }

    private static async Task<ParquetNetReadBack> AssertRoundTripAsync<TRow>(LakeTable<TRow> table, IReadOnlyList<TRow> rows, int rowGroupSize = 7)
    {
        // When written by the flat writer and read back by Parquet.Net
        using var stream = new MemoryStream();
        FlatParquetWriter.Write(table, rows, stream, rowGroupSize, CancellationToken.None);
        var back = await ParquetNetReadBack.ReadAsync(table, stream.ToArray());

        // Then every value of every column is the row's, in order, across (rows + size - 1) / size groups
        Assert.Equal((rows.Count + rowGroupSize - 1) / rowGroupSize, back.RowGroups);
        var expected = ParquetNetReadBack.Expected(table, rows);
        for (var c = 0; c < table.Columns.Count; c++)
        {
            Assert.Equal(rows.Count, back.Columns[c].Count);
            for (var r = 0; r < rows.Count; r++)
            {
                Assert.Equal((table.Columns[c].Name, r, expected[c][r]), (table.Columns[c].Name, r, back.Columns[c][r]));
            }
        }

        return back;
    }

    private static async Task AssertSameSchemaAsync<TRow>(LakeTable<TRow> table, IReadOnlyList<TRow> rows)
    {
        // Given the same rows written by both paths
        var old = await WriteWithParquetNetAsync(table, rows);
        using var flat = new MemoryStream();
        FlatParquetWriter.Write(table, rows, flat, 100, CancellationToken.None);

        // When their footers are read by Parquet.Net
        var oldSchema = Describe((await ReadMetadataAsync(table, old)).Schema);
        var flatSchema = Describe((await ReadMetadataAsync(table, flat.ToArray())).Schema);

        // Then every schema element agrees: names, physical, converted and logical types, repetition, children
        Assert.Equal(table.Columns.Count + 1, flatSchema.Count);
        Assert.Equal(oldSchema, flatSchema);
    }

    private static List<string> Describe(List<SchemaElement> schema) =>
        schema.Select(e => string.Join(
            '|',
            e.Name,
            e.Type,
            e.RepetitionType,
            e.ConvertedType,
            e.NumChildren,
            e.LogicalType?.STRING is not null,
            e.LogicalType?.INTEGER?.BitWidth,
            e.LogicalType?.INTEGER?.IsSigned,
            e.LogicalType?.TIMESTAMP is not null)).ToList();

    [Fact]
    public async Task WriteAsync_ListTableOfManyRows_ParquetNetRowGroupsBoundedAndRowsReadBack()
    {
        // Given more identities than one of Parquet.Net's bounded row groups holds, asked for in one large group
        var count = (2 * ParquetTableFile.ParquetNetRowGroupSize) + 5;
        var rows = Enumerable.Range(0, count).Select(i => new IdentityRow
        {
            SessionKey = "k" + i,
            Identity = "person-" + (i % 7),
            IdentityKind = "person",
            Chain = [.. Enumerable.Range(0, i % 4).Select(h => $"hop-{h}-{i}")],
            Hops = i % 4,
            ChainAccounts = [],
            Status = "resolved",
            Evidence = "assume-role",
            LinkEvidence = ["assume-role"],
        }).ToList();

        // When
        using var stream = new MemoryStream();
        await ParquetTableFile.WriteAsync(LakeTables.Identities, rows, stream, ParquetTableFile.DefaultRowGroupSize, CancellationToken.None);

        // Then the row groups are Parquet.Net's bounded size, and every row reads back in order
        var file = stream.ToArray();
        Assert.Equal(3, (await ReadMetadataAsync(LakeTables.Identities, file)).RowGroups.Count);
        using var folder = new TempFolder("identities");
        var path = Path.Combine(folder.Path, "identities.parquet");
        await File.WriteAllBytesAsync(path, file);
        Assert.Equal(rows.Select(r => r.SessionKey), await ParquetColumnReader.ReadStringsAsync(path, "session_key", CancellationToken.None));
    }

    private static async Task<byte[]> WriteWithParquetNetAsync<TRow>(LakeTable<TRow> table, IReadOnlyList<TRow> rows)
    {
        using var stream = new MemoryStream();
        await ParquetTableFile.WriteWithParquetNetAsync(table, rows, stream, 100, CancellationToken.None);
        return stream.ToArray();
    }

    private static async Task<byte[]> WriteThroughLakeAsync<TRow>(LakeTable<TRow> table, IReadOnlyList<TRow> rows)
    {
        using var stream = new MemoryStream();
        await ParquetTableFile.WriteAsync(table, rows, stream, 100, CancellationToken.None);
        return stream.ToArray();
    }

    private static async Task<FileMetaData> ReadMetadataAsync<TRow>(LakeTable<TRow> table, byte[] file)
    {
        using var stream = new MemoryStream(file);
        await using var reader = await global::Parquet.ParquetReader.CreateAsync(stream, null, false, CancellationToken.None);
        Assert.Equal(table.Columns.Count, reader.Schema.DataFields.Length);
        return reader.Metadata!;
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("disk full");

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("disk full");
    }
}
