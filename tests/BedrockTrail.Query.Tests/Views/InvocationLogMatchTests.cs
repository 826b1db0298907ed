using BedrockTrail.Lake;
using BedrockTrail.Normalise.LakeWriting;
using BedrockTrail.Query.Reports;
using BedrockTrail.Query.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Query.Tests.Views;

public sealed class InvocationLogMatchTests
{
    private static readonly DateTime Day = new(2025, 3, 3, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Invocations_RequestIdsDiffer_JoinsOnSessionModelRegionAndTimeOneToOne()
    {
        // Given calls whose log records carry other request ids: one clear pair (2 s apart), one pair too far apart
        // (30 s), and two calls of one session 1 s either side of one log record (equally close)
        using var folder = new TempFolder("match");
        var lake = new LakeLayout(folder.Path);
        var bob = "arn:aws:sts::111122223333:assumed-role/BedrockInvoker/bob";
        await using (var run = await LakeIngestSession.OpenAsync(lake, "20250303T000000Z_000001", CancellationToken.None))
        {
            await run.AddAsync(Some.Call("clear", Day, requestId: "c1"), CancellationToken.None);
            await run.AddAsync(Some.Log("l1", Day.AddSeconds(2), 100, 50), CancellationToken.None);
            await run.AddAsync(Some.Call("far", Day.AddMinutes(10), requestId: "c2"), CancellationToken.None);
            await run.AddAsync(Some.Log("l2", Day.AddMinutes(10).AddSeconds(30), 7, 7), CancellationToken.None);
            await run.AddAsync(Some.Call("twin-a", Day.AddMinutes(20).AddSeconds(-1), "ASIABOB", "c3") with { PrincipalArn = bob }, CancellationToken.None);
            await run.AddAsync(Some.Call("twin-b", Day.AddMinutes(20).AddSeconds(1), "ASIABOB", "c4") with { PrincipalArn = bob }, CancellationToken.None);
            await run.AddAsync(Some.Log("l3", Day.AddMinutes(20), 9, 9) with { IdentityArn = bob }, CancellationToken.None);
            await run.AddAsync(Some.Call("exact", Day.AddMinutes(30), requestId: "r-exact"), CancellationToken.None);
            await run.AddAsync(Some.Log("r-exact", Day.AddMinutes(30), 1, 2), CancellationToken.None);
            await run.CommitAsync(CancellationToken.None);
        }

        // When the invocations view is read
        using var db = LakeDatabase.Open(lake);
        var rows = db.Query("SELECT event_id, input_tokens, token_join FROM invocations ORDER BY event_id").Rows;

        // Then the clear pair joins by time, the exact one by request id, the far one not at all, and the log record
        // two calls of the same session and model tie for goes to exactly one of them (tokens are never counted twice;
        // either call has the same identity)
        Assert.Equal(
            [["clear", 100L, "identity-model-time"], ["exact", 1L, "request-id"], ["far", null, null], ["twin-a", 9L, "identity-model-time"], ["twin-b", null, null]],
            rows.Select(r => r.ToArray()).ToArray());
        var note = Assert.Single(ReportNotes.TokenJoins(db));
        Assert.Contains("1 by request id, 2 by session ARN + model + region + time", note);
    }
}
