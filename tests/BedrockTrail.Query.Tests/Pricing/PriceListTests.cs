using BedrockTrail.Query.Pricing;

namespace BedrockTrail.Query.Tests.Pricing;

public sealed class PriceListTests
{
    [Fact]
    public void Parse_ValidCsvWithQuotedSource_ReadsEveryPrice()
    {
        var csv = "model_id,input_per_1k,output_per_1k,source,as_of\n"
            + "anthropic.claude-3-haiku-20240307-v1:0,0.00025,0.00125,\"https://aws.amazon.com/bedrock/pricing/, on-demand\",2025-06-01\n"
            + "amazon.titan-embed-text-v2:0,0.00002,0,aws,2025-06-01\n";

        var prices = PriceList.Parse(csv, "p.csv");

        Assert.Empty(prices.Problems);
        Assert.Equal(
            [
                new ModelPrice("anthropic.claude-3-haiku-20240307-v1:0", 0.00025m, 0.00125m, "https://aws.amazon.com/bedrock/pricing/, on-demand", "2025-06-01"),
                new ModelPrice("amazon.titan-embed-text-v2:0", 0.00002m, 0m, "aws", "2025-06-01"),
            ],
            prices.Prices);
    }

    [Fact]
    public void Parse_BadLines_KeepsGoodOnesAndSaysWhyPerLine()
    {
        var csv = "model_id,input_per_1k,output_per_1k,source,as_of\n"
            + "good.model-v1:0,0.001,0.002,s,d\n"
            + "bad.price-v1:0,cheap,0.002,s,d\n"
            + "negative-v1:0,0.001,-1,s,d\n"
            + ",0.001,0.002,s,d\n"
            + "short\n"
            + "good.model-v1:0,0.005,0.006,s,d\n";

        var prices = PriceList.Parse(csv, "p.csv");

        Assert.Equal(["good.model-v1:0"], prices.Prices.Select(p => p.ModelId));
        Assert.Equal(0.001m, prices.Prices[0].InputPer1k);
        Assert.Equal(
            [
                "p.csv line 3: input_per_1k 'cheap' is not a price (a number, 0 or more)",
                "p.csv line 4: output_per_1k '-1' is not a price (a number, 0 or more)",
                "p.csv line 5: model_id is empty",
                "p.csv line 6: expected at least model_id,input_per_1k,output_per_1k",
                "p.csv line 7: good.model-v1:0 is priced twice; the first price is kept",
            ],
            prices.Problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("model,in,out\nx,1,2\n")]
    public void Parse_NoOrWrongHeader_NoPricesAndAProblem(string csv)
    {
        var prices = PriceList.Parse(csv, "p.csv");

        Assert.Empty(prices.Prices);
        Assert.StartsWith("p.csv: ", Assert.Single(prices.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_ShippedFixture_PricesEveryModelTheSyntheticCorpusCalls()
    {
        var prices = PriceList.Default;

        Assert.Empty(prices.Problems);
        foreach (var model in new[] { "anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-sonnet-4-20250514-v1:0", "amazon.nova-pro-v1:0", "amazon.nova-lite-v1:0", "meta.llama3-1-70b-instruct-v1:0", "amazon.titan-embed-text-v2:0", "mistral.mistral-large-2407-v1:0" })
        {
            var price = Assert.Single(prices.Prices, p => p.ModelId == model);
            Assert.StartsWith("https://aws.amazon.com/bedrock/pricing/", price.Source, StringComparison.Ordinal);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", price.AsOf);
        }
    }
}
