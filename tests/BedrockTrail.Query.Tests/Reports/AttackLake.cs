using BedrockTrail.Lake;
using BedrockTrail.Normalise.LakeWriting;
using BedrockTrail.Query.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Query.Tests.Reports;

/// <summary>
/// Three days of a small organisation with one LLMjacking attack planted on day 3, written out by hand so every
/// governance and IR report has a known answer:
/// alice uses her SSO role every day (console lists models first; day 2 in eu-west-1, which bob used the day before);
/// the platform admin only administers; a data scientist both fine-tunes and invokes; a partner comes in from an
/// outside account; carol chains from another ingested account; and ci-deployer's leaked key is used by an attacker
/// from a new address: recon, model access, logging deleted, a burst of denials, then a region no one uses.
/// </summary>
internal sealed class AttackLake : IDisposable
{
    public const string Account = "111122223333";
    public const string Deployer = "arn:aws:iam::111122223333:user/automation/ci-deployer";
    public const string DeployerKey = "AKIADEPLOYER00000001";
    public const string Partner = "999988887777:AIDAPARTNEREXAMPLE001";

    public static readonly DateTime Day1 = new(2025, 3, 3, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempFolder _folder = new("attack-lake");
    private readonly List<BedrockCall> _calls = [];
    private readonly Dictionary<string, IdentityRow> _identities = new(StringComparer.Ordinal);
    private int _next;

    private AttackLake()
    {
        Layout = new LakeLayout(_folder.Path);
    }

    public LakeLayout Layout { get; }

    public static async Task<AttackLake> CreateAsync()
    {
        var lake = new AttackLake();
        lake.Plant();
        await using (var run = await LakeIngestSession.OpenAsync(lake.Layout, "20250306T000000Z_000001", CancellationToken.None))
        {
            foreach (var call in lake._calls)
            {
                await run.AddAsync(call, CancellationToken.None);
            }

            run.RecordIngested(Some.Ingested("file:///attack", run.RunId, Day1));
            await run.CommitAsync(CancellationToken.None);
        }

        await IdentitiesStore.WriteAsync(lake.Layout, lake._identities.Values.ToList(), CancellationToken.None);
        return lake;
    }

    public LakeDatabase Open() => LakeDatabase.Open(Layout);

    public void Dispose() => _folder.Dispose();

    private void Plant()
    {
        for (var day = 0; day < 3; day++)
        {
            var key = "ASIAALICEDAY" + day + "0000001";
            Person(key, "alice@example.com", Account);
            var morning = Day1.AddDays(day).AddHours(8).AddMinutes(55);
            var region = day == 1 ? "eu-west-1" : "us-east-1";
            Add(key, morning, "ListFoundationModels", null, region, "198.51.100.7");
            for (var i = 0; i < 3; i++)
            {
                Add(key, morning.AddMinutes(5 + (10 * i)), "Converse", "anthropic.claude-3-haiku-20240307-v1:0", region, "198.51.100.7");
            }
        }

        Person("ASIABOB0000000000001", "bob@example.com", "222233334444");
        Add("ASIABOB0000000000001", Day1.AddHours(14), "InvokeModel", "amazon.nova-pro-v1:0", "eu-west-1", "203.0.113.4", account: "222233334444");
        Add("ASIABOB0000000000001", Day1.AddHours(14).AddMinutes(1), "InvokeModel", "amazon.nova-pro-v1:0", "eu-west-1", "203.0.113.4", "ValidationException", "222233334444");

        Person("ASIAADMIN00000000001", "platform.admin@example.com", Account);
        Add("ASIAADMIN00000000001", Day1.AddHours(10), "CreateGuardrail", null, "us-east-1", "198.51.100.20");
        Add("ASIAADMIN00000000001", Day1.AddHours(10).AddMinutes(5), "PutModelInvocationLoggingConfiguration", null, "us-east-1", "198.51.100.20");

        Person("ASIADATASCI000000001", "data.scientist@example.com", Account);
        Add("ASIADATASCI000000001", Day1.AddDays(1).AddHours(11), "CreateModelCustomizationJob", null, "us-east-1", "198.51.100.30");
        Add("ASIADATASCI000000001", Day1.AddDays(1).AddHours(12), "InvokeModel", "anthropic.claude-3-haiku-20240307-v1:0", "us-east-1", "198.51.100.30");
        Add("ASIADATASCI000000001", Day1.AddDays(1).AddHours(13), "InvokeModel", "anthropic.claude-3-haiku-20240307-v1:0", "us-east-1", "198.51.100.30");

        _identities["ASIAPARTNER000000001"] = Identity("ASIAPARTNER000000001", Partner, "external", [Partner, "arn:aws:sts::111122223333:assumed-role/PartnerBedrockAccess/partner"], ["999988887777", Account], "partial", "access-key; shared-event");
        Add("ASIAPARTNER000000001", Day1.AddDays(1).AddHours(15), "InvokeModel", "amazon.nova-pro-v1:0", "us-east-1", "192.0.2.50");

        _identities["ASIACAROL00000000001"] = Identity("ASIACAROL00000000001", "carol@example.com", "human",
            ["carol@example.com", "arn:aws:sts::222233334444:assumed-role/AWSReservedSSO_Dev_0123/carol@example.com", "arn:aws:sts::111122223333:assumed-role/BedrockInvoker/carol"],
            ["222233334444", Account], "resolved", "saml; access-key");
        Add("ASIACAROL00000000001", Day1.AddDays(2).AddHours(10), "InvokeModel", "amazon.nova-pro-v1:0", "us-east-1", "198.51.100.40");

        _identities[DeployerKey] = Identity(DeployerKey, Deployer, "iam_user", [Deployer], [Account], "resolved", "user-identity") with { LongTermCredential = true };
        Add(DeployerKey, Day1.AddHours(3), "InvokeModel", "amazon.nova-lite-v1:0", "us-east-1", "10.0.0.8");
        Add(DeployerKey, Day1.AddDays(1).AddHours(3), "InvokeModel", "amazon.nova-lite-v1:0", "us-east-1", "10.0.0.8");

        // The attack, day 3 from 02:00 UTC, from an address the key never used.
        var t = Day1.AddDays(2).AddHours(2);
        const string ip = "185.220.101.9";
        Add(DeployerKey, t, "ListFoundationModels", null, "us-east-1", ip);
        Add(DeployerKey, t.AddSeconds(2), "GetFoundationModelAvailability", "anthropic.claude-3-sonnet-20240229-v1:0", "us-east-1", ip);
        Add(DeployerKey, t.AddSeconds(4), "GetModelInvocationLoggingConfiguration", null, "us-east-1", ip);
        Add(DeployerKey, t.AddSeconds(20), "InvokeModel", "anthropic.claude-3-sonnet-20240229-v1:0", "us-east-1", ip);
        Add(DeployerKey, t.AddMinutes(2), "PutUseCaseForModelAccess", null, "us-east-1", ip);
        Add(DeployerKey, t.AddMinutes(3), "CreateFoundationModelAgreement", null, "us-east-1", ip);
        Add(DeployerKey, t.AddMinutes(4), "PutFoundationModelEntitlement", null, "us-east-1", ip);
        Add(DeployerKey, t.AddMinutes(5), "DeleteModelInvocationLoggingConfiguration", null, "us-east-1", ip);
        for (var i = 0; i < 6; i++)
        {
            Add(DeployerKey, t.AddMinutes(6).AddSeconds(30 * i), "InvokeModel", "anthropic.claude-3-opus-20240229-v1:0", "us-east-1", ip, i % 2 == 0 ? "AccessDenied" : "ValidationException");
        }

        Add(DeployerKey, t.AddMinutes(12), "InvokeModelWithResponseStream", "anthropic.claude-3-sonnet-20240229-v1:0", "ap-south-1", ip);
        Add(DeployerKey, t.AddMinutes(14), "InvokeModelWithResponseStream", "anthropic.claude-3-sonnet-20240229-v1:0", "ap-south-1", ip);
    }

    private void Person(string key, string person, string account) =>
        _identities[key] = Identity(key, person, "human", [person, $"arn:aws:sts::{account}:assumed-role/AWSReservedSSO_Bedrock_0123/{person}"], [account], "resolved", "saml");

    private static IdentityRow Identity(string key, string identity, string kind, string[] chain, string[] accounts, string status, string evidence) => new()
    {
        SessionKey = key,
        AccessKeyId = key,
        SessionArn = chain[^1],
        Identity = identity,
        IdentityKind = kind,
        Chain = chain,
        Hops = chain.Length - 1,
        ChainAccounts = accounts,
        Status = status,
        Evidence = evidence,
        LinkEvidence = evidence.Split("; "),
    };

    private void Add(string key, DateTime time, string eventName, string? model, string region, string ip, string? error = null, string account = Account)
    {
        var id = "a" + (++_next).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        _calls.Add(Some.Call(id, time, key) with
        {
            EventName = eventName,
            ModelId = model,
            BaseModelId = model,
            Region = region,
            AccountId = account,
            PrincipalArn = _identities[key].SessionArn,
            SourceIp = ip,
            ErrorCode = error,
            ReadOnly = !eventName.StartsWith("Put", StringComparison.Ordinal) && !eventName.StartsWith("Create", StringComparison.Ordinal) && !eventName.StartsWith("Delete", StringComparison.Ordinal),
        });
    }
}
