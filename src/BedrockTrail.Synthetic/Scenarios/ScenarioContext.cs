using System.Globalization;
using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.Randomness;
using BedrockTrail.Synthetic.World;

namespace BedrockTrail.Synthetic.Scenarios;

/// <summary>What every scenario needs: the world, the plan, one random stream and the small makers of IPs and agents.</summary>
internal sealed class ScenarioContext
{
    private static readonly string[] CliAgents =
    [
        "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/macos#23.5.0 md/arch#arm64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off",
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off",
    ];

    private static readonly string[] SdkAgents =
    [
        "Boto3/1.34.144 md/Botocore#1.34.144 ua/2.0 os/linux#5.10.219-208.866.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.4 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.144",
        "aws-sdk-java/2.26.7 Linux/5.10.220-209.869.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.11+9-LTS Java/17.0.11 vendor/Amazon.com_Inc. md/internal exec-env/AWS_ECS_FARGATE io/sync http/Apache cfg/retry-mode/legacy",
        "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/bedrockruntime#1.15.0",
        "aws-sdk-js/3.614.0 ua/2.1 os/linux#5.10.219 lang/js md/nodejs#20.15.1 api/bedrock-runtime#3.614.0",
    ];

    public ScenarioContext(SyntheticWorld world, CorpusPlan plan, SeededRandom rng)
    {
        World = world;
        Plan = plan;
        Rng = rng;
        Bedrock = new BedrockActivity(this);
    }

    public SyntheticWorld World { get; }

    public CorpusPlan Plan { get; }

    public SeededRandom Rng { get; }

    public BedrockActivity Bedrock { get; }

    public string NewKey() => AwsIds.SessionKey(Rng);

    public string NewId() => AwsIds.Uuid(Rng);

    public string PublicIp() => string.Create(CultureInfo.InvariantCulture, $"{Rng.Pick(PublicFirstOctets)}.{Rng.Next(1, 255)}.{Rng.Next(0, 255)}.{Rng.Next(1, 255)}");

    public string PrivateIp() => string.Create(CultureInfo.InvariantCulture, $"10.{Rng.Next(0, 255)}.{Rng.Next(0, 255)}.{Rng.Next(1, 255)}");

    public string CliAgent() => Rng.Pick(CliAgents);

    public string SdkAgent() => Rng.Pick(SdkAgents);

    public string AnyRegion() => Rng.Pick(World.Regions);

    public string AnyAccount() => Rng.Pick(World.Accounts);

    /// <summary>A member account (not management) when there is one.</summary>
    public string MemberAccount() => World.Accounts.Count > 1 ? World.Accounts[Rng.Next(1, World.Accounts.Count)] : World.ManagementAccount;

    /// <summary>A time in the window leaving <paramref name="tail"/> for the session's activity.</summary>
    public DateTimeOffset TimeInWindow(TimeSpan tail)
    {
        var span = World.End - World.Start - tail;
        var seconds = Math.Max(1, (long)span.TotalSeconds);
        return World.Start.AddSeconds(Rng.NextULong() % (ulong)seconds);
    }

    public DateTimeOffset After(DateTimeOffset t, int minSeconds, int maxSeconds) => t.AddSeconds(Rng.Next(minSeconds, maxSeconds));

    /// <summary>
    /// Plants an AssumeRole: one record when caller and role share an account; otherwise the caller's copy (full
    /// userIdentity) and the role owner's copy (AWSAccount), same requestID and sharedEventID, different eventIDs
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html). Copies in accounts without a trail are dropped.
    /// </summary>
    public void AssumeRole(CallerIdentity caller, Issuance issue, string ip, string userAgent, string? sourceIdentity)
    {
        var requestId = NewId();
        var callerAccount = caller.AccountId ?? issue.Role.AccountId;
        if (callerAccount == issue.Role.AccountId)
        {
            Plan.Add(StsEvents.AssumeRole(Rng, caller, callerAccount, issue, ip, userAgent, sourceIdentity, requestId, null), RecordKind.Credential);
            return;
        }

        var shared = NewId();
        Plan.Add(StsEvents.AssumeRole(Rng, caller, callerAccount, issue, ip, userAgent, sourceIdentity, requestId, shared), RecordKind.Credential);
        var ownerView = CallerIdentity.AwsAccount(caller.PrincipalId!, callerAccount);
        Plan.Add(StsEvents.AssumeRole(Rng, ownerView, issue.Role.AccountId, issue, ip, userAgent, sourceIdentity, requestId, shared), RecordKind.Credential);
    }

    /// <summary>The AssumedRole userIdentity of a session issued by <paramref name="issue"/> and used with <paramref name="key"/>.</summary>
    public static CallerIdentity AssumedRole(Issuance issue, string key, string? sourceIdentity = null) => new()
    {
        Type = "AssumedRole",
        PrincipalId = issue.AssumedRoleId,
        Arn = issue.SessionArn,
        AccountId = issue.Role.AccountId,
        AccessKeyId = key,
        SessionIssuer = issue.Role,
        CreationDate = issue.Time,
        SourceIdentity = sourceIdentity,
    };

    private static readonly int[] PublicFirstOctets = [3, 18, 34, 52, 54, 81, 91, 103, 146, 176, 185, 198, 203];
}
