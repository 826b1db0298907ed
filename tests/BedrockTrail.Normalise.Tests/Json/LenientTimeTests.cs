using BedrockTrail.Normalise.Json;

namespace BedrockTrail.Normalise.Tests.Json;

public sealed class LenientTimeTests
{
    [Theory]
    [InlineData("2024-01-01T00:00:00Z", 0L)]
    [InlineData("2024-01-01T00:00:00.5Z", 5_000_000L)]
    [InlineData("2024-01-01T00:00:00.123456789Z", 1_234_567L)]
    [InlineData("2024-01-01 00:00:00.000", 0L)]
    [InlineData("2024-01-01 00:00:00.000000000", 0L)]
    [InlineData("2024-01-01T00:00:00", 0L)]
    [InlineData("2024-01-01T02:00:00+02:00", 0L)]
    [InlineData("2023-12-31T19:00:00-0500", 0L)]
    [InlineData("20240101T000000Z", 0L)]
    [InlineData(" 2024-01-01T00:00:00Z ", 0L)]
    public void Parse_KnownForms_GiveUtc(string text, long ticksAfterMidnight)
    {
        var value = LenientTime.Parse(text);

        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(ticksAfterMidnight), value);
        Assert.Equal(DateTimeKind.Utc, value!.Value.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-01-01T00:00:00Zulu")]
    [InlineData("Oct 8, 2024, 4:15:32 PM")]
    public void Parse_Unreadable_GivesNull(string? text)
    {
        Assert.Null(LenientTime.Parse(text));
    }
}
