using System.Text.Json;
using BedrockTrail.Normalise.Tests.Support;

namespace BedrockTrail.Normalise.Tests.CloudTrail;

public sealed class SessionTokenTests
{
    [Fact]
    public void Decode_EverySample_NoRowContainsAnySessionToken()
    {
        // Given every session token that appears in the samples and the generated records
        var files = TrailFiles.StrictJsonSampleFiles().ToList();
        var events = files.SelectMany(TrailFiles.EventsOf).Concat(NoiseTrail.Records(200, seed: 3)).ToList();
        // (placeholders shorter than 12 characters, such as Panther's "1111", also occur as ordinary ids)
        var tokens = events.SelectMany(TokensIn).Where(t => t.Length >= 12).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(tokens.Count >= 10, "tokens found: " + tokens.Count);
        Assert.Contains("IQoJb[REDACTED FOR BREVITY]fIU=", tokens);

        // When all of them are decoded
        var (sink, outcome) = TrailFiles.Decode("{\"Records\":[" + string.Join(",", events) + "]}");
        Assert.True(outcome.RowsKept > 40);

        // Then no row's text holds any of them
        var rowsText = string.Join("\n", sink.AllRows.Select(row => JsonSerializer.Serialize(row, row.GetType())));
        Assert.All(tokens, token => Assert.DoesNotContain(token, rowsText, StringComparison.Ordinal));
    }

    private static IEnumerable<string> TokensIn(string eventJson)
    {
        using var document = JsonDocument.Parse(eventJson);
        return Walk(document.RootElement).ToList();
    }

    private static IEnumerable<string> Walk(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "sessionToken" && property.Value.ValueKind == JsonValueKind.String)
                {
                    yield return property.Value.GetString()!;
                }

                foreach (var inner in Walk(property.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray().SelectMany(Walk))
            {
                yield return item;
            }
        }
    }
}
