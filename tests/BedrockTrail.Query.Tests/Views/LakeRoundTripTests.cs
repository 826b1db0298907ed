using BedrockTrail.Lake;
using BedrockTrail.Normalise.LakeWriting;
using BedrockTrail.Query.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Query.Tests.Views;

public sealed class LakeRoundTripTests
{
    private static readonly DateTime Day1 = new(2024, 10, 8, 16, 15, 32, DateTimeKind.Utc);

    [Fact]
    public async Task Commit_RowsOfEveryTable_DuckDbReadsThemBackTypedAndPartitioned()
    {
        // Given a run that writes one row of each time-based table
        using var folder = new TempFolder("lake");
        var lake = new LakeLayout(folder.Path);
        await using (var run = await LakeIngestSession.OpenAsync(lake, "20241008T000000Z_000001", CancellationToken.None))
        {
            await run.AddAsync(Some.Call("e1", Day1, requestId: "r1"), CancellationToken.None);
            await run.AddAsync(Some.AssumeRole("e2", Day1.AddMinutes(-5), "ASIAEXAMPLEKEY000001"), CancellationToken.None);
            await run.AddAsync(Some.Log("r1", Day1, 120, 45), CancellationToken.None);
            run.RecordIngested(Some.Ingested("file:///logs/a.json.gz", run.RunId, Day1));
            await run.CommitAsync(CancellationToken.None);
        }

        // When DuckDB reads the lake
        using var db = LakeDatabase.Open(lake);
        var call = db.Query("SELECT event_id, event_time, mfa_authenticated, date, typeof(event_time) t, typeof(date) d FROM bedrock_calls");
        var joined = db.Query("SELECT identity, identity_kind, input_tokens, output_tokens FROM invocations");

        // Then values and types survive the trip, and the partition is the event's UTC date
        var row = Assert.Single(call.Rows);
        Assert.Equal("e1", row[0]);
        Assert.Equal(Day1, row[1]);
        Assert.Equal(false, row[2]);
        Assert.Equal(new DateOnly(2024, 10, 8), row[3] is DateOnly d ? d : DateOnly.FromDateTime((DateTime)row[3]!));
        Assert.Equal("TIMESTAMP", row[4]);
        Assert.Equal("DATE", row[5]);
        Assert.True(Directory.Exists(Path.Combine(folder.Path, "bedrock_calls", "date=2024-10-08")));
        var invocation = Assert.Single(joined.Rows);
        Assert.Equal("arn:aws:iam::111122223333:role/BedrockInvoker", invocation[0]);
        Assert.Equal("unresolved", invocation[1]);
        Assert.Equal(120L, invocation[2]);
        Assert.Equal(45L, invocation[3]);
    }

    [Fact]
    public async Task AddAsync_EventAlreadyInLakeFromEarlierRun_IsDroppedOnce()
    {
        // Given a committed run holding e1
        using var folder = new TempFolder("lake");
        var lake = new LakeLayout(folder.Path);
        await using (var first = await LakeIngestSession.OpenAsync(lake, "20241008T000000Z_000001", CancellationToken.None))
        {
            await first.AddAsync(Some.Call("e1", Day1), CancellationToken.None);
            first.RecordIngested(Some.Ingested("file:///a", first.RunId, Day1));
            await first.CommitAsync(CancellationToken.None);
        }

        // When a second run sees e1 again (CloudTrail delivered it twice) and e2 twice in the same run
        await using (var second = await LakeIngestSession.OpenAsync(lake, "20241008T000100Z_000002", CancellationToken.None))
        {
            Assert.False(await second.AddAsync(Some.Call("e1", Day1), CancellationToken.None));
            Assert.True(await second.AddAsync(Some.Call("e2", Day1), CancellationToken.None));
            Assert.False(await second.AddAsync(Some.Call("e2", Day1), CancellationToken.None));
            second.RecordIngested(Some.Ingested("file:///b", second.RunId, Day1));
            await second.CommitAsync(CancellationToken.None);
            Assert.Equal(2, second.DuplicatesDropped);
        }

        // Then each event appears once
        using var db = LakeDatabase.Open(lake);
        var ids = db.Query("SELECT event_id FROM bedrock_calls ORDER BY 1").Rows.Select(r => (string)r[0]!).ToArray();
        Assert.Equal(["e1", "e2"], ids);
    }

    [Fact]
    public async Task OpenAsync_PreviousRunKilledBeforeCommit_RemovesItsFilesAndForgetsItsObjects()
    {
        // Given a run that wrote data files but was killed before its ledger was written
        using var folder = new TempFolder("lake");
        var lake = new LakeLayout(folder.Path);
        var killed = await LakeIngestSession.OpenAsync(lake, "20241008T000000Z_00000a", CancellationToken.None);
        await killed.AddAsync(Some.Call("e1", Day1), CancellationToken.None);
        killed.RecordIngested(Some.Ingested("file:///a", killed.RunId, Day1));
        await killed.CommitAsync(CancellationToken.None);
        File.Delete(Path.Combine(lake.IngestedFolder, LakeLayout.RunFileName(killed.RunId)));
        File.WriteAllText(Path.Combine(lake.TableFolder("bedrock_calls"), "half-written.parquet.tmp"), "x");
        await killed.DisposeAsync();

        // When the next run opens the lake
        await using var next = await LakeIngestSession.OpenAsync(lake, "20241008T000100Z_00000b", CancellationToken.None);

        // Then the orphan data and pending files are gone and the object will be read again
        Assert.Equal(2, next.RemovedOnRecovery);
        Assert.False(next.AlreadyIngested("file:///a", "\"etag-9\"", 100));
        Assert.Empty(Directory.GetFiles(lake.TableFolder("bedrock_calls"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AlreadyIngested_SameObjectSameEtagAndSize_IsTrueOtherwiseFalse()
    {
        using var folder = new TempFolder("lake");
        var lake = new LakeLayout(folder.Path);
        await using (var run = await LakeIngestSession.OpenAsync(lake, "20241008T000000Z_000001", CancellationToken.None))
        {
            run.RecordIngested(Some.Ingested("s3://b/k", run.RunId, Day1) with { ETag = "\"abc\"", Size = 10 });
            await run.CommitAsync(CancellationToken.None);
        }

        await using var again = await LakeIngestSession.OpenAsync(lake, "20241008T000100Z_000002", CancellationToken.None);
        Assert.True(again.AlreadyIngested("s3://b/k", "abc", 10));
        Assert.False(again.AlreadyIngested("s3://b/k", "abd", 10));
        Assert.False(again.AlreadyIngested("s3://b/k", "abc", 11));
        Assert.False(again.AlreadyIngested("s3://b/other", "abc", 10));
    }

    [Fact]
    public async Task OpenAsync_LakeAlreadyOpenByAnotherRun_ThrowsLakeBusy()
    {
        using var folder = new TempFolder("lake");
        var lake = new LakeLayout(folder.Path);
        await using var first = await LakeIngestSession.OpenAsync(lake, "20241008T000000Z_000001", CancellationToken.None);
        await Assert.ThrowsAsync<LakeBusyException>(() => LakeIngestSession.OpenAsync(lake, "20241008T000000Z_000002", CancellationToken.None));
    }

    [Fact]
    public void Open_EmptyLake_EveryContractViewAnswersWithZeroRows()
    {
        using var folder = new TempFolder("lake");
        using var db = LakeDatabase.Open(new LakeLayout(folder.Path));
        foreach (var view in new[] { "bedrock_calls", "credential_events", "invocation_logs", "identities", "quarantine", "invocations" })
        {
            Assert.Equal(0L, db.Query($"SELECT count(*) FROM {view}").Rows[0][0]);
        }

        var columns = db.Query("SELECT * FROM invocations").Columns;
        foreach (var required in new[] { "event_id", "event_time", "event_name", "account_id", "region", "model_id", "identity", "identity_kind", "identity_source", "status", "error_code", "input_tokens", "output_tokens" })
        {
            Assert.Contains(required, columns);
        }
    }

    [Fact]
    public async Task Quarantine_RetryableEntryWhoseObjectLaterIngested_NoLongerShows()
    {
        using var folder = new TempFolder("lake");
        var lake = new LakeLayout(folder.Path);
        await using (var run = await LakeIngestSession.OpenAsync(lake, "20241008T000000Z_000001", CancellationToken.None))
        {
            run.Quarantine(new QuarantineEntry("s3://b/throttled", null, "SlowDown after 5 attempts", Day1) { Retryable = true });
            run.Quarantine(new QuarantineEntry("s3://b/bad", 3, "record 3: eventTime missing", Day1));
            await run.CommitAsync(CancellationToken.None);
        }

        await using (var retry = await LakeIngestSession.OpenAsync(lake, "20241008T000100Z_000002", CancellationToken.None))
        {
            retry.RecordIngested(Some.Ingested("s3://b/throttled", retry.RunId, Day1.AddMinutes(1)));
            await retry.CommitAsync(CancellationToken.None);
        }

        using var db = LakeDatabase.Open(lake);
        var row = Assert.Single(db.Query("SELECT source_object, record_index, reason FROM quarantine").Rows);
        Assert.Equal(["s3://b/bad", 3, "record 3: eventTime missing"], row);
    }
}
