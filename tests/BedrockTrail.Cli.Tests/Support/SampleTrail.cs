using System.Text;
using System.Text.Json.Nodes;
using BedrockTrail.TestSupport.Trails;

namespace BedrockTrail.Cli.Tests.Support;

/// <summary>
/// A small trail folder built from real public events: the Stratus Red Team Bedrock LLMjacking detonation (15 Bedrock
/// events by one AssumedRole session), the documented InvokeModel by an IAM user, and the real flaws2 log file (two
/// ECS task AssumeRole events).
/// </summary>
internal static class SampleTrail
{
    public const int BedrockEvents = 16;
    public const int CredentialEvents = 2;

    /// <summary>
    /// Stratus Red Team randomises regions into names no real region has ("megov-northeast-1r"); the folder uses a real
    /// region name, as a real bucket would, and the events keep theirs.
    /// </summary>
    private const string StratusFolderRegion = "us-east-1";

    public static TrailFolder Build(string root, string? organizationId = null)
    {
        var trail = new TrailFolder(root, organizationId);
        var stratus = SampleEvents.Load("stratus-red-team", "aws.impact.bedrock-invoke-model.json");
        trail.AddLogFile("494659789341", StratusFolderRegion, new DateTime(2024, 10, 17, 20, 15, 0, DateTimeKind.Utc), stratus.Take(8));
        trail.AddLogFile("494659789341", StratusFolderRegion, new DateTime(2024, 10, 17, 20, 20, 0, DateTimeKind.Utc), stratus.Skip(8));
        trail.AddLogFile("111122223333", "us-west-2", new DateTime(2023, 10, 11, 22, 5, 0, DateTimeKind.Utc), SampleEvents.Load("awsdocs", "bedrock-ug-logging-using-cloudtrail.InvokeModel.json"));
        trail.AddLogFile("653711331788", "us-east-1", new DateTime(2018, 11, 28, 22, 35, 0, DateTimeKind.Utc), SampleEvents.Load("flaws2-cloud", "653711331788_CloudTrail_us-east-1_20181128T2235Z_cR9ra7OH1rytWyXY.json"));
        return trail;
    }

    /// <summary>Adds the damage real buckets hold: a truncated file, a non-gzip file, an empty file, a bad record, a digest.</summary>
    public static void AddDamage(TrailFolder trail)
    {
        var day = new DateTime(2024, 10, 17, 21, 0, 0, DateTimeKind.Utc);
        var stratus = SampleEvents.Load("stratus-red-team", "aws.impact.bedrock-invoke-model.json");
        var whole = TrailFolder.Gzip(Encoding.UTF8.GetBytes(new JsonObject { ["Records"] = new JsonArray(stratus.Select(e => e.DeepClone()).ToArray()) }.ToJsonString()));
        trail.AddRaw("494659789341", StratusFolderRegion, day, whole[..(whole.Length / 2)]);
        trail.AddRaw("494659789341", StratusFolderRegion, day.AddMinutes(5), Encoding.UTF8.GetBytes("this is not a log file"));
        trail.AddRaw("494659789341", StratusFolderRegion, day.AddMinutes(10), []);
        var broken = SampleEvents.With(stratus[2], e => e.AsObject().Remove("eventTime"));
        var other = SampleEvents.With(stratus[2], e => e["eventID"] = "11111111-2222-3333-4444-555555555555");
        trail.AddLogFile("494659789341", StratusFolderRegion, day.AddMinutes(15), [broken, other]);
        trail.AddAt("AWSLogs/494659789341/CloudTrail-Digest/us-east-1/2024/10/17/494659789341_CloudTrail-Digest_us-east-1_t_us-east-1_20241017T210000Z.json.gz", TrailFolder.Gzip("{\"logFiles\":[]}"u8.ToArray()));
    }
}
