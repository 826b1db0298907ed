using System.Globalization;

namespace BedrockTrail.Lake;

/// <summary>Run ids sort by start time and stay unique when two runs start in the same second.</summary>
public static class RunIds
{
    public static string New(TimeProvider time, Random random)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var suffix = random.Next(0, 1 << 24).ToString("x6", CultureInfo.InvariantCulture);
        return now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "_" + suffix;
    }
}
