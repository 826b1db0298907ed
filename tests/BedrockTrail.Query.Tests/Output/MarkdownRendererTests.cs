using BedrockTrail.Query.Output;

namespace BedrockTrail.Query.Tests.Output;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Render_ColumnOfOnlyNulls_AlignedAsText()
    {
        // Regression: a column with no value (no call failed, so error_code is all null) was aligned as a number
        var result = new QueryResult(["event_name", "error_code", "calls"], ["VARCHAR", "VARCHAR", "BIGINT"], [["InvokeModel", null, 3L], ["Converse", null, null]]);

        var text = MarkdownRenderer.Render(result);

        Assert.Equal("|---|---|---:|", text.ReplaceLineEndings("\n").Split('\n')[1]);
    }
}
