using System.Text.Json;

namespace BedrockTrail.Normalise.CloudTrail;

/// <summary>
/// Finds the <c>Records</c> array of a CloudTrail log file and tells other JSON apart: digest files
/// (<c>logFiles</c>, no <c>Records</c>, https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html),
/// bare events or arrays (valid JSON, not a log file), garbage, and files cut before the array.
/// </summary>
internal readonly record struct RecordsEnvelope(ObjectVerdict Verdict, int ArrayContentStart, string? Reason)
{
    public static RecordsEnvelope Locate(ReadOnlySpan<byte> data, int start)
    {
        try
        {
            return data[start] == (byte)'{' ? FindRecords(data, start) : Classify(data, start);
        }
        catch (JsonException ex)
        {
            return new(ObjectVerdict.Malformed, 0, "not JSON: " + ex.Message);
        }
    }

    private static RecordsEnvelope FindRecords(ReadOnlySpan<byte> data, int start)
    {
        // isFinalBlock: false makes a cut file read as "needs more data" instead of a syntax error.
        var reader = new Utf8JsonReader(data[start..], isFinalBlock: false, state: default);
        reader.Read();
        var sawLogFiles = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return sawLogFiles
                    ? new(ObjectVerdict.NotCloudTrail, 0, "CloudTrail digest file (logFiles, no Records)")
                    : new(ObjectVerdict.NotCloudTrail, 0, "JSON object without a Records array");
            }

            var isRecords = reader.ValueTextEquals("Records"u8);
            sawLogFiles |= reader.ValueTextEquals("logFiles"u8);
            if (!reader.Read())
            {
                break;
            }

            if (isRecords)
            {
                return reader.TokenType == JsonTokenType.StartArray
                    ? new(ObjectVerdict.Ok, start + (int)reader.BytesConsumed, null)
                    : new(ObjectVerdict.Malformed, 0, $"Records is {reader.TokenType}, not an array");
            }

            if (!reader.TrySkip())
            {
                break;
            }
        }

        return new(ObjectVerdict.Truncated, 0, "truncated before the Records array (0 records salvaged)");
    }

    private static RecordsEnvelope Classify(ReadOnlySpan<byte> data, int start)
    {
        var reader = new Utf8JsonReader(data[start..], isFinalBlock: true, state: default);
        reader.Read();
        reader.Skip();
        return new(ObjectVerdict.NotCloudTrail, 0, $"JSON {reader.TokenType switch { JsonTokenType.EndArray => "array", _ => "value" }}, not a {{\"Records\":[...]}} log file");
    }
}
