using BedrockTrail.Lake;
using BedrockTrail.Normalise.LakeWriting;
using BedrockTrail.Query.Pricing;
using BedrockTrail.Query.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Query.Tests.Pricing;

public sealed class UsageViewTests
{
    private static readonly DateTime Day = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);

    private static readonly PriceList Prices = PriceList.Parse(
        "model_id,input_per_1k,output_per_1k,source,as_of\n"
        + "anthropic.claude-3-5-sonnet-20240620-v1:0,0.003,0.015,t,d\n"
        + "anthropic.claude-3-sonnet-20240229-v1:0,0.003,0.015,t,d\n"
        + "anthropic.claude-3-sonnet-20240229-v1:0:28k,0.006,0.030,t,d\n",
        "t");

    [Theory]
    [InlineData("anthropic.claude-3-5-sonnet-20240620-v1:0", "0.0105")]
    [InlineData("us.anthropic.claude-3-5-sonnet-20240620-v1:0", "0.0105")]
    [InlineData("global.anthropic.claude-3-5-sonnet-20240620-v1:0", "0.0105")]
    [InlineData("arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0", "0.0105")]
    [InlineData("arn:aws:bedrock:us-east-1:111122223333:inference-profile/apac.anthropic.claude-3-5-sonnet-20240620-v1:0", "0.0105")]
    [InlineData("anthropic.claude-3-5-sonnet-20240620-v1", "0.0105")]
    [InlineData("anthropic.claude-3-sonnet-20240229-v1:0:28k", "0.021")]
    [InlineData("anthropic.claude-3-sonnet-20240229-v1:0:200k", "0.0105")]
    [InlineData("arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123", null)]
    [InlineData("cohere.command-r-v1:0", null)]
    public async Task Cost_ModelAsCalled_PricedByItsBaseModel(string modelId, string? expected)
    {
        // Given one call of 1,000 input and 500 output tokens to the model as the caller named it
        using var folder = new TempFolder("usage");
        var lake = new LakeLayout(folder.Path);
        await WriteAsync(lake, Some.Call("e1", Day, requestId: "r1") with { ModelId = modelId, BaseModelId = Models.ModelIds.BaseModelOf(modelId) }, Some.Log("r1", Day, 1000, 500));

        // When usage is priced
        using var db = LakeDatabase.Open(lake);
        PriceTable.Install(db, Prices);
        var row = Assert.Single(db.Query("SELECT CAST(cost_usd AS VARCHAR), priced FROM usage").Rows);

        // Then the price of the base model applies, and an opaque or unknown model is unpriced (null, not zero)
        decimal? Number(object? text) => text is string s ? decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;
        Assert.Equal(Number(expected), Number(row[0]));
        Assert.Equal(expected is not null, row[1]);
    }

    [Fact]
    public async Task Usage_CallWithoutLogAndLogWithoutCall_UnknownTokensAndOrphanKept()
    {
        // Given a call with no log record, and a log record of a call that is not in the lake (same session, a minute
        // later: too far for the identity-model-time fallback join)
        using var folder = new TempFolder("usage");
        var lake = new LakeLayout(folder.Path);
        var sessionArn = "arn:aws:sts::111122223333:assumed-role/BedrockInvoker/alice";
        await WriteAsync(lake, Some.Call("e1", Day, requestId: "r1"), Some.Log("r-orphan", Day.AddMinutes(1), 10, 20) with { IdentityArn = sessionArn });
        await IdentitiesStore.WriteAsync(lake, [new IdentityRow
        {
            SessionKey = "ASIAEXAMPLEKEY000001", SessionArn = sessionArn, Identity = "alice@example.com", IdentityKind = "human",
            Chain = ["alice@example.com", sessionArn], Hops = 1, ChainAccounts = ["111122223333"], Status = "resolved", Evidence = "saml", LinkEvidence = ["saml"],
        }], CancellationToken.None);

        using var db = LakeDatabase.Open(lake);
        PriceTable.Install(db, Prices);
        var rows = db.Query("SELECT event_id, identity, input_tokens, output_tokens, cost_usd, has_invocation_log, log_only FROM usage ORDER BY log_only").Rows;

        Assert.Equal(2, rows.Count);
        Assert.Equal(["e1", "alice@example.com", null, null, null, false, false], rows[0]);
        Assert.Equal([null, "alice@example.com", 10L, 20L, 0.00033m, true, true], rows[1]);
    }

    private static async Task WriteAsync(LakeLayout lake, BedrockCall call, InvocationLogRecord log)
    {
        await using var run = await LakeIngestSession.OpenAsync(lake, "20250303T000000Z_000001", CancellationToken.None);
        await run.AddAsync(call, CancellationToken.None);
        await run.AddAsync(log, CancellationToken.None);
        run.RecordIngested(Some.Ingested("file:///u", run.RunId, Day));
        await run.CommitAsync(CancellationToken.None);
    }
}
