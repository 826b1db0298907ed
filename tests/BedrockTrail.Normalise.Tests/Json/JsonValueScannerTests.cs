using System.Text;
using BedrockTrail.Normalise.Json;
using BedrockTrail.Normalise.Tests.Support;

namespace BedrockTrail.Normalise.Tests.Json;

public sealed class JsonValueScannerTests
{
    [Theory]
    [InlineData("""{}""", 2)]
    [InlineData("""{"a":"}"} tail""", 9)]
    [InlineData("""{"a":"\"}"}""", 11)]
    [InlineData("""{"a":"\\"}""", 10)]
    [InlineData("""[{"a":[1,2,{"b":"]"}]}],""", 23)]
    [InlineData("""{"a":"unterminated}""", -1)]
    [InlineData("""{"a":{"b":1}""", -1)]
    [InlineData("""{"a":"ends in a backslash\""", -1)]
    [InlineData("""{\"a":1}""", 8)]
    public void FindContainerEndByBlocks_KnownShapes_AnswerAsTheByteLoop(string json, int expectedEnd)
    {
        // Given a container, short or long enough to span blocks (padding moves the answer by the same amount)
        foreach (var padding in new[] { 0, 1, 63, 64, 130 })
        {
            var bytes = Encoding.UTF8.GetBytes(json.Insert(1, new string(' ', padding)));
            var expected = expectedEnd < 0 ? -1 : expectedEnd + padding;

            // When both scanners look for its end, Then they agree with the known answer
            Assert.Equal(expected, JsonValueScanner.FindContainerEndByBytes(bytes, 0));
            Assert.Equal(expected, JsonValueScanner.FindContainerEndByBlocks(bytes, 0));
        }
    }

    [Fact]
    public void FindContainerEndByBlocks_RandomBracketsQuotesAndBackslashes_AnswersAsTheByteLoop()
    {
        // Given 20,000 seeded strings over an alphabet of nothing but the bytes that matter (runs of backslashes
        // across block edges, escaped quotes, brackets inside strings, backslashes outside strings)
        var random = new Random(5);
        var alphabet = "\"\\{}[]a \\\"{}"u8.ToArray();
        for (var n = 0; n < 20_000; n++)
        {
            var bytes = new byte[random.Next(1, 300)];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = alphabet[random.Next(alphabet.Length)];
            }

            bytes[0] = random.Next(2) == 0 ? (byte)'{' : (byte)'[';

            // When both scanners look for the end, Then they agree
            Assert.Equal(JsonValueScanner.FindContainerEndByBytes(bytes, 0), JsonValueScanner.FindContainerEndByBlocks(bytes, 0));
        }
    }

    [Fact]
    public void FindContainerEndByBlocks_EverySampleAndNoiseRecord_EndsWhereTheByteLoopEnds()
    {
        // Given real sample events and the seeded tricky records, each in one log file, scanned from every record
        var records = TrailFiles.StrictJsonSampleFiles().SelectMany(TrailFiles.EventsOf).Concat(NoiseTrail.Records(2_000, seed: 3)).ToList();
        var log = Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", records) + "]}");
        var checkedRecords = 0;
        for (var i = 0; i < log.Length; i++)
        {
            if (log[i] != (byte)'{')
            {
                continue;
            }

            // When both scanners start at every opening brace, Then they find the same end
            Assert.Equal(JsonValueScanner.FindContainerEndByBytes(log, i), JsonValueScanner.FindContainerEndByBlocks(log, i));
            checkedRecords++;
        }

        Assert.True(checkedRecords > records.Count, "starts checked: " + checkedRecords);
    }
}
