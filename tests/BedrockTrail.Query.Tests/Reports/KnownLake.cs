using BedrockTrail.Lake;
using BedrockTrail.Normalise.LakeWriting;
using BedrockTrail.Query.Pricing;
using BedrockTrail.Query.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Query.Tests.Reports;

/// <summary>
/// A small lake whose every report answer is worked out by hand: a person through Identity Center, a long-term IAM
/// user key, an unresolved role session and an invocation log record with no CloudTrail event. Prices are the test's
/// own, so answers do not move when fixtures/pricing.csv is updated.
/// </summary>
internal sealed class KnownLake : IDisposable
{
    public const string AliceKey = "ASIAALICE00000000001";
    public const string AliceArn = "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_BedrockUsers_0123456789abcdef/alice@example.com";
    public const string DeployerKey = "AKIADEPLOYER00000001";
    public const string DeployerArn = "arn:aws:iam::111122223333:user/automation/ci-deployer";
    public const string LegacyKey = "ASIALEGACY0000000001";
    public const string LegacyRole = "arn:aws:iam::444455556666:role/LegacyBatchRole";

    public static readonly DateTime Day1 = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);

    public static readonly PriceList Prices = PriceList.Parse(
        """
        model_id,input_per_1k,output_per_1k,source,as_of
        anthropic.claude-3-5-sonnet-20240620-v1:0,0.003,0.015,test,2025-01-01
        anthropic.claude-3-haiku-20240307-v1:0,0.00025,0.00125,test,2025-01-01
        amazon.nova-lite-v1:0,0.00006,0.00024,test,2025-01-01
        """,
        "test prices");

    private readonly TempFolder _folder = new("known-lake");

    private KnownLake()
    {
        Layout = new LakeLayout(_folder.Path);
    }

    public LakeLayout Layout { get; }

    public static async Task<KnownLake> CreateAsync()
    {
        var lake = new KnownLake();
        await using (var run = await LakeIngestSession.OpenAsync(lake.Layout, "20250305T000000Z_000001", CancellationToken.None))
        {
            foreach (var call in Calls())
            {
                await run.AddAsync(call, CancellationToken.None);
            }

            await run.AddAsync(Some.Log("r1", Day1, 1000, 500) with { ModelId = "us.anthropic.claude-3-5-sonnet-20240620-v1:0", IdentityArn = AliceArn }, CancellationToken.None);
            await run.AddAsync(Some.Log("r3", Day1.AddDays(1).AddHours(1), 2000, 1000) with { ModelId = "anthropic.claude-3-haiku-20240307-v1:0", IdentityArn = AliceArn }, CancellationToken.None);
            await run.AddAsync(Some.Log("r4", Day1.AddHours(3), 100, 100) with { ModelId = "custom.unpriced-v1:0", IdentityArn = DeployerArn }, CancellationToken.None);
            await run.AddAsync(Some.Log("r6", Day1.AddHours(5), 10, 20) with { ModelId = "anthropic.claude-3-haiku-20240307-v1:0", AccountId = "444455556666" }, CancellationToken.None);
            // A log record whose CloudTrail event is not in the lake: its tokens still count, for alice (her session ARN).
            await run.AddAsync(Some.Log("r7-orphan", Day1.AddHours(2), 300, 300) with { ModelId = "amazon.nova-lite-v1:0", IdentityArn = AliceArn }, CancellationToken.None);
            run.RecordIngested(Some.Ingested("file:///known", run.RunId, Day1));
            await run.CommitAsync(CancellationToken.None);
        }

        await IdentitiesStore.WriteAsync(lake.Layout, Identities(), CancellationToken.None);
        return lake;
    }

    public LakeDatabase Open() => LakeDatabase.Open(Layout);

    public void Dispose() => _folder.Dispose();

    private static IEnumerable<BedrockCall> Calls()
    {
        BedrockCall Alice(string id, DateTime time, string operation, string? modelId, string? baseModel, string requestId) =>
            Some.Call(id, time, AliceKey, requestId) with
            {
                EventName = operation,
                ModelId = modelId,
                BaseModelId = baseModel,
                PrincipalArn = AliceArn,
                SessionIssuerArn = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_BedrockUsers_0123456789abcdef",
                SessionName = "alice@example.com",
                SourceIp = "198.51.100.7",
                UserAgent = "aws-cli/2.22.0",
            };

        yield return Alice("e1", Day1, "InvokeModel", "us.anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-5-sonnet-20240620-v1:0", "r1");
        yield return Alice("e2", Day1.AddMinutes(5), "Converse", "amazon.nova-pro-v1:0", "amazon.nova-pro-v1:0", "r2");
        yield return Alice("e3", Day1.AddDays(1).AddHours(1), "InvokeModel", "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-haiku-20240307-v1:0", "r3");
        yield return Alice("e3-list", Day1.AddDays(1), "ListFoundationModels", null, null, "r3-list");

        BedrockCall Deployer(string id, DateTime time, string? error, string requestId) =>
            Some.Call(id, time, DeployerKey, requestId) with
            {
                ModelId = "custom.unpriced-v1:0",
                BaseModelId = "custom.unpriced-v1:0",
                PrincipalType = "IAMUser",
                PrincipalArn = DeployerArn,
                SessionIssuerArn = null,
                SessionName = null,
                SourceIp = "10.0.0.5",
                UserAgent = "Boto3/1.35.0",
                ErrorCode = error,
            };

        yield return Deployer("e4", Day1.AddHours(3), null, "r4");
        yield return Deployer("e5", Day1.AddHours(3).AddMinutes(1), "AccessDenied", "r5");

        yield return Some.Call("e6", Day1.AddHours(5), LegacyKey, "r6") with
        {
            AccountId = "444455556666",
            ModelId = "anthropic.claude-3-haiku-20240307-v1:0",
            BaseModelId = "anthropic.claude-3-haiku-20240307-v1:0",
            PrincipalArn = "arn:aws:sts::444455556666:assumed-role/LegacyBatchRole/nightly",
            SessionIssuerArn = LegacyRole,
            SessionName = "nightly",
            SourceIp = "10.9.9.9",
        };
    }

    private static List<IdentityRow> Identities() =>
    [
        new()
        {
            SessionKey = AliceKey,
            AccessKeyId = AliceKey,
            SessionArn = AliceArn,
            AccountId = "111122223333",
            Identity = "alice@example.com",
            IdentityKind = IdentityKinds.Human,
            IdentitySource = "identity-center",
            Chain = ["alice@example.com", AliceArn],
            Hops = 1,
            ChainAccounts = ["111122223333"],
            Status = ResolutionStatuses.Resolved,
            Evidence = "saml",
            LinkEvidence = ["saml"],
        },
        new()
        {
            SessionKey = DeployerKey,
            AccessKeyId = DeployerKey,
            SessionArn = DeployerArn,
            AccountId = "111122223333",
            Identity = DeployerArn,
            IdentityKind = IdentityKinds.IamUser,
            IdentitySource = "iam-user",
            Chain = [DeployerArn],
            Hops = 0,
            ChainAccounts = ["111122223333"],
            Status = ResolutionStatuses.Resolved,
            Evidence = "user-identity",
            LinkEvidence = ["user-identity"],
            LongTermCredential = true,
        },
        new()
        {
            SessionKey = LegacyKey,
            AccessKeyId = LegacyKey,
            SessionArn = "arn:aws:sts::444455556666:assumed-role/LegacyBatchRole/nightly",
            SessionIssuerArn = LegacyRole,
            AccountId = "444455556666",
            Identity = LegacyRole,
            IdentityKind = IdentityKinds.Unresolved,
            Chain = [LegacyRole, "arn:aws:sts::444455556666:assumed-role/LegacyBatchRole/nightly"],
            Hops = 1,
            ChainAccounts = ["444455556666"],
            Status = ResolutionStatuses.Unresolved,
            Evidence = "missing-issuer",
            LinkEvidence = ["missing-issuer"],
        },
    ];
}
