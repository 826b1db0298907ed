using System.Globalization;

namespace BedrockTrail.Normalise.Tests.Support;

/// <summary>
/// Seeded CloudTrail-like records built to trip a byte-level filter: noise that mentions Bedrock or STS in other
/// fields, nested "eventSource" keys, escaped and spaced-out sources, and kept events with broken headers.
/// </summary>
public static class NoiseTrail
{
    public static IReadOnlyList<string> Records(int count, int seed)
    {
        var random = new Random(seed);
        var records = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var id = "gen-" + i.ToString(CultureInfo.InvariantCulture);
            var time = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(86_400)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var key = "ASIA" + random.Next(1_000_000).ToString("D8", CultureInfo.InvariantCulture);
            records.Add((random.Next(10)) switch
            {
                // S3 noise that says "bedrock" and "sts.amazonaws.com" everywhere but in eventSource
                0 => $$$"""{"eventTime":"{{{time}}}","eventID":"{{{id}}}","eventSource":"s3.amazonaws.com","eventName":"GetObject","userAgent":"bedrock-agent sts.amazonaws.com","requestParameters":{"bucketName":"bedrock-logs","key":"AssumeRole"},"userIdentity":{"type":"AssumedRole","accessKeyId":"{{{key}}}"}}""",
                // STS noise: a source we keep, a name we do not
                1 => $$$"""{"eventTime":"{{{time}}}","eventID":"{{{id}}}","eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","userIdentity":{"type":"AssumedRole","accessKeyId":"{{{key}}}"}}""",
                // EventBridge rule whose pattern has a nested eventSource naming Bedrock: still noise
                2 => $$$"""{"eventTime":"{{{time}}}","eventID":"{{{id}}}","requestParameters":{"eventPattern":{"eventSource":"bedrock.amazonaws.com","eventName":"AssumeRole"}},"eventSource":"events.amazonaws.com","eventName":"PutRule"}""",
                // Bedrock whose nested noise eventSource comes first (alphabetical key order)
                3 => $$$"""{"additionalEventData":{"eventSource":"s3.amazonaws.com"},"eventID":"{{{id}}}","eventName":"Converse","eventSource":"bedrock.amazonaws.com","eventTime":"{{{time}}}","requestParameters":{"modelId":"us.anthropic.claude-3-haiku-20240307-v1:0"},"userIdentity":{"type":"AssumedRole","accessKeyId":"{{{key}}}","arn":"arn:aws:sts::1:assumed-role/R/s{{{i}}}"}}""",
                // Escaped source: only a parser sees it is Bedrock
                4 => $$$"""{"eventTime":"{{{time}}}","eventID":"{{{id}}}","eventSource":"bedrock\u002eamazonaws.com","eventName":"InvokeModel","requestParameters":{"modelId":"amazon.nova-micro-v1:0"}}""",
                // Spaced-out keys
                5 => $$$"""{ "eventTime" : "{{{time}}}" , "eventID" : "{{{id}}}" , "eventSource" : "sts.amazonaws.com" , "eventName" : "AssumeRole" , "responseElements" : { "credentials" : { "accessKeyId" : "{{{key}}}" , "sessionToken" : "GEN-SECRET-TOKEN-{{{i}}}" } } }""",
                // A kept event with a broken header
                6 => $$$"""{"eventID":"{{{id}}}","eventSource":"bedrock.amazonaws.com","eventName":"InvokeModel"}""",
                // Noise of other services
                7 => $$$"""{"eventTime":"{{{time}}}","eventID":"{{{id}}}","eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances","responseElements":null}""",
                // eventSource null: only the full parse can judge
                8 => $$$"""{"eventTime":"{{{time}}}","eventID":"{{{id}}}","eventSource":null,"eventName":"X"}""",
                _ => $$$"""{"eventTime":"{{{time}}}","eventID":"{{{id}}}","eventSource":"signin.amazonaws.com","eventName":"CheckMfa"}""",
            });
        }

        return records;
    }
}
