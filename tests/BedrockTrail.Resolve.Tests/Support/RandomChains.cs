using System.Globalization;
using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Tests.Support;

/// <summary>What a generated session must resolve to.</summary>
internal sealed record ExpectedIdentity(string Identity, string Kind, string Source, int Hops);

/// <summary>
/// Seeded generator of role chains: random depth (1..8) across a few accounts, a random root per chain (IAM user,
/// root user, Okta SAML, GitHub OIDC, Identity Center with a differing session key, EC2), role and session names
/// drawn from small pools so names collide across chains, cross-account copies now and then, events shuffled.
/// </summary>
internal sealed class RandomChains
{
    private static readonly string[] Accounts = ["100000000001", "100000000002", "100000000003", "100000000004", "100000000005"];
    private static readonly string[] Roles = ["Dev", "Ops", "Invoker"];
    private static readonly string[] SessionNames = ["cli-session", "botocore-session-1", "deploy"];
    private static readonly string[] People = ["alice@example.com", "bob@example.com", "carol@example.com"];

    private readonly Random _random;

    private RandomChains(int seed) => _random = new Random(seed);

    public List<BedrockCall> Calls { get; } = [];

    public List<CredentialEvent> Events { get; } = [];

    public Dictionary<string, ExpectedIdentity> Expected { get; } = new(StringComparer.Ordinal);

    public static RandomChains Generate(int seed, int chains)
    {
        var g = new RandomChains(seed);
        for (var c = 0; c < chains; c++)
        {
            g.Chain(c);
        }

        g.Shuffle(g.Events);
        g.Shuffle(g.Calls);
        return g;
    }

    private void Chain(int c)
    {
        // Chains start ten minutes apart so Identity Center time windows (±120 s) never overlap by construction.
        var start = Some.T0.AddMinutes(10 * c);
        var depth = _random.Next(1, 9);
        var rootKind = _random.Next(6);
        string? previousKey = null;
        string previousAccount = string.Empty, previousRole = string.Empty, previousSession = string.Empty;
        var previousCreated = start;
        ExpectedIdentity? root = null;
        for (var hop = 1; hop <= depth; hop++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"ASIA{c:D6}{hop:D2}00000000");
            var account = Pick(Accounts);
            var at = start.AddSeconds(hop * 5);
            string role;
            string session;
            if (hop == 1)
            {
                (role, session, root) = Top(rootKind, c, key, account, at);
            }
            else
            {
                role = Pick(Roles);
                session = Pick(SessionNames);
                var caller = Caller.Role(previousAccount, previousRole, previousSession, previousKey!, previousCreated);
                var shared = "shared-" + key;
                Events.Add(Some.AssumeRole(key, account, role, session, at, caller, recipient: previousAccount, sharedEventId: shared));
                if (account != previousAccount && _random.Next(2) == 0)
                {
                    Events.Add(Some.AssumeRole(key, account, role, session, at, Caller.Account(previousAccount, Some.RoleId(previousAccount, previousRole) + ":" + previousSession), sharedEventId: shared));
                }
            }

            if (hop == depth || _random.Next(10) < 3)
            {
                Calls.Add(Some.RoleCall(key, account, role, session, at, at.AddSeconds(1 + _random.Next(60))));
                Expected[key] = root! with { Hops = hop };
            }

            (previousKey, previousAccount, previousRole, previousSession, previousCreated) = (key, account, role, session, at);
        }
    }

    private (string Role, string Session, ExpectedIdentity Root) Top(int rootKind, int c, string key, string account, DateTime at)
    {
        var role = Pick(Roles);
        var session = Pick(SessionNames);
        switch (rootKind)
        {
            case 0:
                var user = "user" + c.ToString(CultureInfo.InvariantCulture);
                var userAccount = Pick(Accounts);
                Events.Add(Some.AssumeRole(key, account, role, session, at, Caller.IamUser(userAccount, user, $"AKIA{c:D16}"), recipient: userAccount, sharedEventId: "shared-" + key));
                return (role, session, new ExpectedIdentity($"arn:aws:iam::{userAccount}:user/{user}", "iam_user", "iam-user", 0));
            case 1:
                Events.Add(Some.AssumeRole(key, account, role, session, at, Caller.Root(account, $"AKIAROOT{c:D12}")));
                return (role, session, new ExpectedIdentity($"arn:aws:iam::{account}:root", "root", "root", 0));
            case 2:
                var person = Pick(People);
                Events.Add(Some.Saml(key, account, role, person, at, person));
                return (role, person, new ExpectedIdentity(person, "human", "saml", 0));
            case 3:
                var subject = $"repo:acme/r{c}:ref:refs/heads/main";
                Events.Add(Some.WebIdentity(key, account, role, "GitHubActions", at, "token.actions.githubusercontent.com", subject));
                return (role, "GitHubActions", new ExpectedIdentity(subject, "workload", "oidc", 0));
            case 4:
                // Identity Center: the SAML call returns another key than the session then uses.
                var idcRole = "AWSReservedSSO_ML_0a1b2c3d4e5f6a7b";
                var idcUser = Pick(People);
                Events.Add(Some.Saml("ASIASAML" + key[4..], account, idcRole, idcUser, at, idcUser, "arn:aws:iam::{0}:saml-provider/AWSSSO_9882ccf00912484e_DO_NOT_DELETE"));
                return (idcRole, idcUser, new ExpectedIdentity(idcUser, "human", "identity-center", 0));
            default:
                var instance = $"i-0{c:x12}";
                Events.Add(Some.ServiceAssumeRole(key, account, role, instance, at, "ec2.amazonaws.com"));
                return (role, instance, new ExpectedIdentity(instance, "workload", "ec2", 0));
        }
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private void Shuffle<T>(List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
