using System.Text;
using BedrockTrail.Ingest.Bodies;
using BedrockTrail.Ingest.Tests.Support;

namespace BedrockTrail.Ingest.Tests.Bodies;

public sealed class ObjectBodiesTests
{
    private static readonly string Json = MakeJson(3000);

    [Fact]
    public async Task ReadDecompressedAsync_WholeGzip_ReturnsCompleteText()
    {
        var gz = LogFiles.Gzip(Json);

        using var body = await ObjectBodies.ReadDecompressedAsync(new MemoryStream(gz), gz.Length, CancellationToken.None);

        Assert.Equal(BodyStatus.Complete, body.Status);
        Assert.True(body.WasGzip);
        Assert.Equal(gz.Length, body.RawLength);
        Assert.Equal(Json, Encoding.UTF8.GetString(body.Content.Span));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(100)]
    [InlineData(-1)]
    public void Decompress_TruncatedGzip_ReturnsGoodPrefixFlaggedTruncated(int cutFromEnd)
    {
        // Given a gzip stream cut short (-1: cut in half)
        var gz = LogFiles.Gzip(Json);
        var length = cutFromEnd < 0 ? gz.Length / 2 : gz.Length - cutFromEnd;

        // When
        using var body = ObjectBodies.Decompress(gz.AsSpan(0, length));

        // Then what decompressed is a true prefix of the text, and the body says it is not whole
        Assert.Equal(BodyStatus.Truncated, body.Status);
        var text = Encoding.UTF8.GetString(body.Content.Span);
        Assert.StartsWith(text, Json, StringComparison.Ordinal);
        if (cutFromEnd is 4 or 8)
        {
            // Only the trailer is missing: every byte of the text is there, yet it cannot be proven whole.
            Assert.Equal(Json.Length, text.Length);
        }
    }

    [Fact]
    public async Task ReadDecompressedAsync_FewerBytesThanListed_IsTruncated()
    {
        var gz = LogFiles.Gzip(Json);

        using var body = await ObjectBodies.ReadDecompressedAsync(new MemoryStream(gz), gz.Length + 10, CancellationToken.None);

        Assert.Equal(BodyStatus.Truncated, body.Status);
        Assert.Equal(Json, Encoding.UTF8.GetString(body.Content.Span));
    }

    [Fact]
    public void Decompress_MultiMemberGzip_ConcatenatesMembers()
    {
        var first = "{\"Records\":[{\"eventID\":\"a\"}]}";
        var second = "\n{\"Records\":[{\"eventID\":\"b\"}]}";
        var gz = LogFiles.Gzip(first).Concat(LogFiles.Gzip(second)).ToArray();

        using var body = ObjectBodies.Decompress(gz);

        Assert.Equal(BodyStatus.Complete, body.Status);
        Assert.Equal(first + second, Encoding.UTF8.GetString(body.Content.Span));
    }

    [Fact]
    public void Decompress_MultiMemberCutInSecondMember_IsTruncatedWithFirstMemberWhole()
    {
        var first = MakeJson(500);
        var both = LogFiles.Gzip(first).Concat(LogFiles.Gzip(MakeJson(400))).ToArray();

        using var body = ObjectBodies.Decompress(both.AsSpan(0, both.Length - 30));

        Assert.Equal(BodyStatus.Truncated, body.Status);
        Assert.StartsWith(first, Encoding.UTF8.GetString(body.Content.Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"Records\":[]}")]
    [InlineData("\uFEFF  \n[{\"eventID\":\"x\"}]")]
    public void Decompress_PlainJson_PassesThrough(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        using var body = ObjectBodies.Decompress(bytes);

        Assert.Equal(BodyStatus.Complete, body.Status);
        Assert.False(body.WasGzip);
        Assert.Equal(bytes, body.Content.ToArray());
    }

    [Fact]
    public void Decompress_NotGzipNorJson_IsNotRecognised()
    {
        using var body = ObjectBodies.Decompress("PK\u0003\u0004 zip file"u8);

        Assert.Equal(BodyStatus.NotRecognised, body.Status);
        Assert.Equal(0, body.Content.Length);
    }

    [Fact]
    public void Decompress_NoBytes_IsEmpty()
    {
        using var body = ObjectBodies.Decompress([]);

        Assert.Equal(BodyStatus.Empty, body.Status);
    }

    [Fact]
    public void Decompress_GzipOfNothing_IsEmpty()
    {
        // A gzip member holding an empty deflate block (.NET writes no member at all for empty input).
        byte[] emptyMember = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        using var body = ObjectBodies.Decompress(emptyMember);

        Assert.Equal(BodyStatus.Empty, body.Status);
        Assert.True(body.WasGzip);
    }

    [Fact]
    public void Decompress_CorruptDeflateData_IsCorruptNotThrown()
    {
        var gz = LogFiles.Gzip(Json);
        for (var i = 20; i < 60; i++)
        {
            gz[i] = 0xff;
        }

        using var body = ObjectBodies.Decompress(gz);

        Assert.Contains(body.Status, new[] { BodyStatus.Corrupt, BodyStatus.Truncated });
        Assert.NotEqual(Json, Encoding.UTF8.GetString(body.Content.Span));
    }

    [Fact]
    public void Decompress_LargeBody_GrowsBufferBeyondGuess()
    {
        // Highly compressible: 40 MB of text from a few hundred KB of gzip, far past the 10x first guess.
        var big = new string('a', 40 * 1024 * 1024);

        using var body = ObjectBodies.Decompress(LogFiles.Gzip(big));

        Assert.Equal(BodyStatus.Complete, body.Status);
        Assert.Equal(big.Length, body.Content.Length);
    }

    private static string MakeJson(int records)
    {
        var text = new StringBuilder("{\"Records\":[");
        for (var i = 0; i < records; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append("{\"eventID\":\"").Append(Guid.NewGuid()).Append("\",\"n\":").Append(i).Append('}');
        }

        return text.Append("]}").ToString();
    }
}
