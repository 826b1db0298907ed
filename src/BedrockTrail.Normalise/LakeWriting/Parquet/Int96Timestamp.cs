using System.Buffers.Binary;

namespace BedrockTrail.Normalise.LakeWriting.Parquet;

/// <summary>
/// Parquet's legacy INT96 timestamp, which Parquet.Net writes for <see cref="DateTime"/> by default and so every lake
/// file before the flat writer holds: 8 bytes little-endian nanoseconds within the day, then 4 bytes little-endian
/// Julian day number. Kept so old and new files of one table read back with one type.
/// </summary>
internal static class Int96Timestamp
{
    public const int Size = 12;

    /// <summary>The Julian day number of 0001-01-01 (proleptic Gregorian), day 0 of <see cref="DateTime.Ticks"/>; 1970-01-01 is 2440588.</summary>
    private const long JulianDayOfTicksZero = 1_721_426;

    /// <summary>Writes a UTC time; a local time is converted first, an unspecified one is taken as UTC (lake times are UTC).</summary>
    public static void Write(DateTime value, Span<byte> destination)
    {
        var ticks = value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;
        var day = ticks / TimeSpan.TicksPerDay;
        var nanosOfDay = (ticks - (day * TimeSpan.TicksPerDay)) * 100;
        BinaryPrimitives.WriteInt64LittleEndian(destination, nanosOfDay);
        BinaryPrimitives.WriteInt32LittleEndian(destination[8..], (int)(day + JulianDayOfTicksZero));
    }
}
