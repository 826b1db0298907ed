using System.Buffers.Binary;
using BedrockTrail.Normalise.LakeWriting.Parquet;

namespace BedrockTrail.Normalise.Tests.LakeWriting.Parquet;

public sealed class Int96TimestampTests
{
    [Theory]
    [InlineData("1970-01-01T00:00:00.0000000Z", 0L, 2_440_588)]
    [InlineData("1970-01-01T00:00:00.0000001Z", 100L, 2_440_588)]
    [InlineData("1969-12-31T23:59:59.9999999Z", 86_399_999_999_900L, 2_440_587)]
    [InlineData("2024-10-08T16:15:32.5000000Z", 58_532_500_000_000L, 2_460_592)]
    [InlineData("0001-01-01T00:00:00.0000000Z", 0L, 1_721_426)]
    public void Write_UtcTime_NanosOfDayThenJulianDay(string time, long nanos, int julianDay)
    {
        var value = DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var bytes = new byte[Int96Timestamp.Size];

        Int96Timestamp.Write(value, bytes);

        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(nanos, BinaryPrimitives.ReadInt64LittleEndian(bytes));
        Assert.Equal(julianDay, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));
    }
}
