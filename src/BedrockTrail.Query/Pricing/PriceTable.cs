using System.Globalization;
using System.Text;
using BedrockTrail.Query.Views;

namespace BedrockTrail.Query.Pricing;

/// <summary>
/// Puts a price list into the database as <c>model_prices</c> and defines <c>usage</c> over it: one row per model
/// invocation with its tokens and cost. Reports that show money read <c>usage</c>.
/// </summary>
internal static class PriceTable
{
    /// <summary>
    /// Price lookups ignore the version suffix (<c>:0</c>, <c>:0:200k</c>) on both sides, so a price for
    /// <c>...-v1:0</c> also prices a call to <c>...-v1</c> or a context-length variant; an exact id wins.
    /// </summary>
    internal static string PriceKey(string expression) => $"regexp_replace(lower({expression}), ':[0-9]+(:[0-9a-z]+)?$', '')";

    public static void Install(LakeDatabase database, PriceList prices)
    {
        database.Execute("CREATE OR REPLACE TABLE model_prices (model_id VARCHAR, input_per_1k DECIMAL(18,9), output_per_1k DECIMAL(18,9), source VARCHAR, as_of VARCHAR)");
        if (prices.Prices.Count > 0)
        {
            var sql = new StringBuilder("INSERT INTO model_prices VALUES ");
            sql.AppendJoin(", ", prices.Prices.Select(p => string.Create(
                CultureInfo.InvariantCulture,
                $"({LakeViews.Quote(p.ModelId)}, {p.InputPer1k}, {p.OutputPer1k}, {LakeViews.Quote(p.Source)}, {LakeViews.Quote(p.AsOf)})")));
            database.Execute(sql.ToString());
        }

        database.Execute(UsageView.Sql);
    }
}
