using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Tests.Support;

/// <summary>Data makers for lake rows: the fields a normaliser would fill from a real CloudTrail record.</summary>
internal static class Some
{
    public const string Model = "anthropic.claude-3-5-sonnet-20240620-v1:0";

    public static readonly DateTime T0 = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    private static int _sequence;

    public static DateTime At(int minutes, int seconds = 0) => T0.AddMinutes(minutes).AddSeconds(seconds);

    public static string RoleArn(string account, string role) => $"arn:aws:iam::{account}:role/{role}";

    public static string SessionArn(string account, string role, string session) => $"arn:aws:sts::{account}:assumed-role/{role}/{session}";

    /// <summary>A stable fake role id: the same role always has the same AROA… id, as in IAM.</summary>
    public static string RoleId(string account, string role)
    {
        // FNV-1a: string.GetHashCode is randomised per process, and golden files need stable ids.
        var hash = 2166136261u;
        foreach (var c in account + "/" + role)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return "AROA" + hash.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string NextId(string prefix) => prefix + Interlocked.Increment(ref _sequence).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A Bedrock InvokeModel call by an assumed-role session.</summary>
    public static BedrockCall RoleCall(string key, string account, string role, string session, DateTime created, DateTime? at = null, string? sourceIdentity = null) => new()
    {
        EventId = NextId("evt-"),
        EventTime = at ?? created.AddMinutes(1),
        EventSource = "bedrock.amazonaws.com",
        EventName = "InvokeModel",
        AccountId = account,
        Region = "us-east-1",
        ModelId = Model,
        PrincipalType = "AssumedRole",
        PrincipalId = RoleId(account, role) + ":" + session,
        PrincipalArn = SessionArn(account, role, session),
        PrincipalAccountId = account,
        AccessKeyId = key,
        SessionKey = key,
        SessionIssuerType = "Role",
        SessionIssuerArn = RoleArn(account, role),
        SessionIssuerPrincipalId = RoleId(account, role),
        SessionName = session,
        SessionCreated = created,
        SourceIdentity = sourceIdentity,
        SourceIp = "198.51.100.7",
        UserAgent = "Boto3/1.34.0",
        SourceObject = "test",
    };

    /// <summary>A Bedrock call made with an IAM user's key (long-term AKIA, or a GetSessionToken ASIA).</summary>
    public static BedrockCall UserCall(string key, string account, string user, DateTime at) => new()
    {
        EventId = NextId("evt-"),
        EventTime = at,
        EventSource = "bedrock.amazonaws.com",
        EventName = "InvokeModel",
        AccountId = account,
        ModelId = Model,
        PrincipalType = "IAMUser",
        PrincipalId = "AIDA" + user.ToUpperInvariant(),
        PrincipalArn = $"arn:aws:iam::{account}:user/{user}",
        PrincipalAccountId = account,
        UserName = user,
        AccessKeyId = key,
        SessionKey = key,
        SourceIp = "203.0.113.9",
        UserAgent = "curl/8.0",
        SourceObject = "test",
    };

    /// <summary>An AssumeRole that returned <paramref name="issuedKey"/>; the caller is applied with <see cref="Caller"/>.</summary>
    public static CredentialEvent AssumeRole(string issuedKey, string account, string role, string session, DateTime at, Caller caller, string? recipient = null, string? sharedEventId = null, string? sourceIdentity = null) =>
        caller.Apply(new CredentialEvent
        {
            EventId = NextId("cred-"),
            EventTime = at,
            EventSource = "sts.amazonaws.com",
            EventName = "AssumeRole",
            AccountId = recipient ?? account,
            Region = "us-east-1",
            RequestId = NextId("req-"),
            SharedEventId = sharedEventId,
            IssuedAccessKeyId = issuedKey,
            IssuedArn = SessionArn(account, role, session),
            IssuedPrincipalId = RoleId(account, role) + ":" + session,
            RoleArn = RoleArn(account, role),
            RoleSessionName = session,
            SourceIdentity = sourceIdentity,
            SourceIp = "198.51.100.7",
            UserAgent = "aws-cli/2.15.0",
            SourceObject = "test",
        });

    public static CredentialEvent Federation(string eventName, string issuedKey, string account, string role, string session, DateTime at, string? provider, string subject, string callerType) => new()
    {
        EventId = NextId("cred-"),
        EventTime = at,
        EventSource = "sts.amazonaws.com",
        EventName = eventName,
        AccountId = account,
        RequestId = NextId("req-"),
        IssuedAccessKeyId = issuedKey,
        IssuedArn = SessionArn(account, role, session),
        IssuedPrincipalId = RoleId(account, role) + ":" + session,
        RoleArn = RoleArn(account, role),
        RoleSessionName = session,
        FederationProvider = provider,
        FederationSubject = subject,
        CallerType = callerType,
        SourceObject = "test",
    };

    public static CredentialEvent Saml(string issuedKey, string account, string role, string session, DateTime at, string subject, string provider = "arn:aws:iam::{0}:saml-provider/Okta") =>
        Federation("AssumeRoleWithSAML", issuedKey, account, role, session, at, string.Format(System.Globalization.CultureInfo.InvariantCulture, provider, account), subject, "SAMLUser");

    public static CredentialEvent WebIdentity(string issuedKey, string account, string role, string session, DateTime at, string? provider, string subject) =>
        Federation("AssumeRoleWithWebIdentity", issuedKey, account, role, session, at, provider, subject, "WebIdentityUser");

    /// <summary>AssumeRole by an AWS service (userIdentity type AWSService, invokedBy the service principal).</summary>
    public static CredentialEvent ServiceAssumeRole(string issuedKey, string account, string role, string session, DateTime at, string service) =>
        AssumeRole(issuedKey, account, role, session, at, Caller.Service(service)) with { SharedEventId = NextId("shared-") };
}
