using BedrockTrail.Normalise.LakeWriting.Parquet;

namespace BedrockTrail.Normalise.Tests.LakeWriting.Parquet;

public sealed class DefinitionLevelsTests
{
    [Theory]
    [InlineData(new[] { true, true, true }, new byte[] { 2, 0, 0, 0, 6, 1 })]
    [InlineData(new[] { false, false }, new byte[] { 2, 0, 0, 0, 4, 0 })]
    [InlineData(new[] { true, false, true }, new byte[] { 2, 0, 0, 0, 3, 0b101 })]
    [InlineData(new[] { false, true, false, false, false, false, false, false, true }, new byte[] { 3, 0, 0, 0, 5, 0b10, 1 })]
    public void WriteTo_Levels_LengthThenOneHybridRun(bool[] present, byte[] expected)
    {
        // Given the levels of one page
        var levels = new DefinitionLevels();
        foreach (var p in present)
        {
            levels.Add(p);
        }

        // When written as a page body starts
        var body = new GrowableByteBuffer(16);
        levels.WriteTo(body);

        // Then an RLE run for uniform pages, else one bit-packed run of ceil(n / 8) groups
        Assert.Equal(expected, body.Written.ToArray());
        Assert.Equal(present.Count(p => !p), levels.Nulls);
    }

    [Fact]
    public void Reset_AfterAPage_StartsTheNextPageEmpty()
    {
        var levels = new DefinitionLevels();
        levels.Add(false);
        levels.Add(true);
        levels.Reset();
        levels.Add(true);

        var body = new GrowableByteBuffer(16);
        levels.WriteTo(body);

        Assert.Equal(new byte[] { 2, 0, 0, 0, 2, 1 }, body.Written.ToArray());
    }
}
