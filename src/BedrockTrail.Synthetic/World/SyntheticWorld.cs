using BedrockTrail.Synthetic.Events;
using BedrockTrail.Synthetic.Randomness;

namespace BedrockTrail.Synthetic.World;

/// <summary>
/// The organisation the corpus describes: accounts with trails (management first), accounts without (external),
/// regions, the Identity Center store, and stable roles and users so the same name always has the same ids.
/// </summary>
internal sealed class SyntheticWorld
{
    private static readonly string[] SpareRegions = ["ap-northeast-1", "sa-east-1", "ap-south-1", "ca-central-1"];

    private readonly Dictionary<string, RoleRef> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IamUser> _users = new(StringComparer.Ordinal);
    private readonly SeededRandom _ids;

    public SyntheticWorld(CorpusOptions options)
    {
        Options = options;
        _ids = SeededRandom.Derive(options.Seed, 1);
        var accounts = new List<string>();
        while (accounts.Count < options.AccountCount + 3)
        {
            var id = AwsIds.AccountId(_ids);
            if (!accounts.Contains(id))
            {
                accounts.Add(id);
            }
        }

        Accounts = accounts.Take(options.AccountCount).ToArray();
        ExternalAccounts = accounts.Skip(options.AccountCount).ToArray();
        Regions = options.Regions;
        Start = new DateTimeOffset(options.StartDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        End = Start.AddDays(options.Days);
        IdentityStoreId = "d-" + AwsIds.HexString(_ids, 10);
        IdentityStoreArn = "arn:aws:identitystore::" + ManagementAccount + ":identitystore/" + IdentityStoreId;
        NewRegion = SpareRegions.First(r => !Regions.Contains(r));
    }

    public CorpusOptions Options { get; }

    /// <summary>Accounts whose trails are in the corpus; the first is the management and Identity Center account.</summary>
    public IReadOnlyList<string> Accounts { get; }

    public string ManagementAccount => Accounts[0];

    /// <summary>Accounts that appear in events but whose trails are not in the corpus.</summary>
    public IReadOnlyList<string> ExternalAccounts { get; }

    public IReadOnlyList<string> Regions { get; }

    public string HomeRegion => Regions[0];

    /// <summary>A region outside <see cref="Regions"/> for the "invocation in a new region" pattern.</summary>
    public string NewRegion { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public string IdentityStoreId { get; }

    public string IdentityStoreArn { get; }

    public bool HasTrail(string accountId) => Accounts.Contains(accountId);

    /// <summary>The role <paramref name="name"/> in <paramref name="accountId"/>, with a stable AROA id. Path is "/" or "/a/b/".</summary>
    public RoleRef Role(string accountId, string name, string path = "/")
    {
        var key = accountId + path + name;
        if (!_roles.TryGetValue(key, out var role))
        {
            role = new RoleRef(AwsIds.RoleId(_ids), "arn:aws:iam::" + accountId + ":role" + path + name, accountId, name);
            _roles[key] = role;
        }

        return role;
    }

    public IamUser User(string accountId, string name, string path = "/")
    {
        var key = accountId + path + name;
        if (!_users.TryGetValue(key, out var user))
        {
            user = new IamUser(AwsIds.UserId(_ids), "arn:aws:iam::" + accountId + ":user" + path + name, accountId, name, AwsIds.LongTermKey(_ids));
            _users[key] = user;
        }

        return user;
    }

    /// <summary>The Identity Center user id for a user name: "&lt;store id without d-&gt;-&lt;uuid&gt;", as in real onBehalfOf blocks.</summary>
    public string IdentityCenterUserId(string userName)
    {
        var rng = SeededRandom.Derive(Options.Seed, 2, StableHash(userName));
        return IdentityStoreId[2..] + "-" + AwsIds.Uuid(rng);
    }

    public static long StableHash(string text)
    {
        // FNV-1a: string.GetHashCode is randomised per process, which would break determinism.
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return (long)h;
    }
}

/// <summary>An IAM user with one long-term access key.</summary>
internal sealed record IamUser(string UserId, string Arn, string AccountId, string Name, string LongTermKey)
{
    public CallerIdentity AsCaller(string? accessKeyId = null) => new()
    {
        Type = "IAMUser",
        PrincipalId = UserId,
        Arn = Arn,
        AccountId = AccountId,
        AccessKeyId = accessKeyId ?? LongTermKey,
        UserName = Name,
    };
}
