using System.Text.Json;
using BedrockTrail.Normalise.Json;

namespace BedrockTrail.Normalise.Tests.Json;

public sealed class Utf8StringCacheTests
{
    [Fact]
    public void GetString_SameTextInTwoDocuments_ReturnsOneInstance()
    {
        using var first = JsonDocument.Parse("""{"region":"us-east-1"}""");
        using var second = JsonDocument.Parse("""{"other":1,"region":"us-east-1"}""");
        var cache = new Utf8StringCache();

        var a = cache.GetString(first.RootElement.GetProperty("region"));
        var b = cache.GetString(second.RootElement.GetProperty("region"));

        Assert.Equal("us-east-1", a);
        Assert.Same(a, b);
    }

    [Fact]
    public void GetString_ManyDistinctEscapedAndLongValues_EachDecodesAsGetString()
    {
        // Given 20,000 values (more than the slots, so every slot is evicted), escapes, and texts past the length cap
        var cache = new Utf8StringCache();
        var values = Enumerable.Range(0, 20_000).Select(i => i % 7 == 0 ? $"a\\\"b\\u00e9{i}" : i % 11 == 0 ? new string('x', 300) + i : "v" + (i % 5_000)).ToList();
        var json = "[" + string.Join(",", values.Select(v => "\"" + v + "\"")) + "]";
        using var document = JsonDocument.Parse(json);

        // When each is read through the cache, twice, Then it is exactly what GetString gives
        foreach (var pass in new[] { 1, 2 })
        {
            foreach (var element in document.RootElement.EnumerateArray())
            {
                Assert.Equal(element.GetString(), cache.GetString(element));
            }
        }
    }
}
