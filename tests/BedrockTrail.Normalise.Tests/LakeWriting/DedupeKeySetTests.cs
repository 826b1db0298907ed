using BedrockTrail.Normalise.LakeWriting;

namespace BedrockTrail.Normalise.Tests.LakeWriting;

public sealed class DedupeKeySetTests
{
    [Fact]
    public void Add_SameUuidTwice_SecondIsADuplicate()
    {
        var keys = new DedupeKeySet();

        Assert.True(keys.Add("3038ebd2-c98a-4c65-9b6e-e22506292313"));
        Assert.False(keys.Add("3038ebd2-c98a-4c65-9b6e-e22506292313"));
        Assert.Equal(1, keys.Count);
    }

    [Fact]
    public void Add_UuidInOtherSpellings_AreDifferentKeysAsOrdinalStrings()
    {
        // Given one UUID, When it is added in upper case, with braces and without dashes
        var keys = new DedupeKeySet();
        string[] spellings =
        [
            "3038ebd2-c98a-4c65-9b6e-e22506292313",
            "3038EBD2-C98A-4C65-9B6E-E22506292313",
            "{3038ebd2-c98a-4c65-9b6e-e22506292313}",
            "3038ebd2c98a4c659b6ee22506292313",
        ];

        // Then each spelling is its own key, as ordinal string comparison would have it, and each repeats as one
        Assert.All(spellings, s => Assert.True(keys.Add(s)));
        Assert.All(spellings, s => Assert.False(keys.Add(s)));
        Assert.Equal(4, keys.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    [InlineData("3038ebd2-c98a-4c65-9b6e-e2250629231g")]
    public void Add_OtherText_IsKeptExactly(string key)
    {
        var keys = new DedupeKeySet();

        Assert.True(keys.Add(key));
        Assert.False(keys.Add(key));
        Assert.True(keys.Add(key + " "));
    }
}
