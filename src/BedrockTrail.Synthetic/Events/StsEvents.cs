using System.Text.Json;
using BedrockTrail.Synthetic.Randomness;

namespace BedrockTrail.Synthetic.Events;

/// <summary>What an STS call issued: the role session and its key.</summary>
internal sealed record Issuance(RoleRef Role, string SessionName, string IssuedKey, DateTimeOffset Time, string Region, TimeSpan Duration)
{
    public string SessionArn => Role.SessionArn(SessionName);

    public string AssumedRoleId => Role.PrincipalId + ":" + SessionName;
}

/// <summary>
/// Credential-issuing events in the shapes of the real samples: AssumeRole (iam-ug-cloudtrail-integration-02..04,
/// flaws2 ECS), AssumeRoleWithSAML (aidansteele -05), AssumeRoleWithWebIdentity (aidansteele GitHub), GetSessionToken,
/// and Identity Center GetRoleCredentials (aidansteele -04).
/// </summary>
internal static class StsEvents
{
    public static TrailEvent AssumeRole(SeededRandom rng, CallerIdentity caller, string recipient, Issuance issue, string ip, string userAgent, string? sourceIdentity, string requestId, string? sharedEventId)
    {
        var service = caller.Type == "AWSService";
        return new TrailEvent
        {
            EventVersion = service ? "1.08" : "1.11",
            UserIdentity = caller,
            EventTime = issue.Time,
            EventSource = "sts.amazonaws.com",
            EventName = "AssumeRole",
            AwsRegion = issue.Region,
            SourceIp = service ? caller.InvokedBy! : ip,
            UserAgent = service ? caller.InvokedBy! : userAgent,
            RequestParameters = w =>
            {
                w.WriteStartObject();
                w.WriteString("roleArn", issue.Role.Arn);
                w.WriteString("roleSessionName", issue.SessionName);
                if (sourceIdentity is not null)
                {
                    w.WriteString("sourceIdentity", sourceIdentity);
                }

                if (!service)
                {
                    w.WriteNumber("durationSeconds", (int)issue.Duration.TotalSeconds);
                }

                w.WriteEndObject();
            },
            ResponseElements = w =>
            {
                w.WriteStartObject();
                WriteCredentials(w, issue);
                if (!service)
                {
                    WriteAssumedRoleUser(w, issue);
                }

                if (sourceIdentity is not null)
                {
                    w.WriteString("sourceIdentity", sourceIdentity);
                }

                w.WriteEndObject();
            },
            RequestId = requestId,
            EventId = AwsIds.Uuid(rng),
            ReadOnly = true,
            Resources = RoleResource(issue.Role),
            RecipientAccountId = recipient,
            SharedEventId = sharedEventId,
            Host = service ? null : "sts." + issue.Region + ".amazonaws.com",
        };
    }

    public static TrailEvent AssumeRoleWithSaml(SeededRandom rng, Issuance issue, string providerArn, string subject, string nameQualifier, string issuer, string ip, string userAgent)
    {
        var assertionId = "_" + AwsIds.Uuid(rng);
        var caller = new CallerIdentity { Type = "SAMLUser", PrincipalId = nameQualifier + ":" + subject, UserName = subject, IdentityProvider = nameQualifier };
        return new TrailEvent
        {
            EventVersion = "1.11",
            UserIdentity = caller,
            EventTime = issue.Time,
            EventSource = "sts.amazonaws.com",
            EventName = "AssumeRoleWithSAML",
            AwsRegion = issue.Region,
            SourceIp = ip,
            UserAgent = userAgent,
            RequestParameters = w =>
            {
                w.WriteStartObject();
                w.WriteString("sAMLAssertionID", assertionId);
                w.WriteString("roleSessionName", issue.SessionName);
                w.WriteString("roleArn", issue.Role.Arn);
                w.WriteString("principalArn", providerArn);
                w.WriteNumber("durationSeconds", (int)issue.Duration.TotalSeconds);
                w.WriteEndObject();
            },
            ResponseElements = w =>
            {
                w.WriteStartObject();
                WriteCredentials(w, issue);
                WriteAssumedRoleUser(w, issue);
                w.WriteString("subject", subject);
                w.WriteString("subjectType", "persistent");
                w.WriteString("issuer", issuer);
                w.WriteString("audience", "https://signin.aws.amazon.com/saml");
                w.WriteString("nameQualifier", nameQualifier);
                w.WriteEndObject();
            },
            RequestId = AwsIds.Uuid(rng),
            EventId = AwsIds.Uuid(rng),
            ReadOnly = true,
            Resources = w =>
            {
                w.WriteStartArray();
                WriteResource(w, issue.Role.AccountId, "AWS::IAM::Role", issue.Role.Arn);
                WriteResource(w, issue.Role.AccountId, "AWS::IAM::SAMLProvider", providerArn);
                w.WriteEndArray();
            },
            RecipientAccountId = issue.Role.AccountId,
            Host = "sts." + issue.Region + ".amazonaws.com",
        };
    }

    public static TrailEvent AssumeRoleWithWebIdentity(SeededRandom rng, Issuance issue, string providerArn, string providerHost, string audience, string subject, string ip, string userAgent)
    {
        var caller = new CallerIdentity
        {
            Type = "WebIdentityUser",
            PrincipalId = providerArn + ":" + audience + ":" + subject,
            UserName = subject,
            IdentityProvider = providerArn,
        };
        return new TrailEvent
        {
            EventVersion = "1.08",
            UserIdentity = caller,
            EventTime = issue.Time,
            EventSource = "sts.amazonaws.com",
            EventName = "AssumeRoleWithWebIdentity",
            AwsRegion = issue.Region,
            SourceIp = ip,
            UserAgent = userAgent,
            RequestParameters = w =>
            {
                w.WriteStartObject();
                w.WriteString("roleArn", issue.Role.Arn);
                w.WriteString("roleSessionName", issue.SessionName);
                w.WriteEndObject();
            },
            ResponseElements = w =>
            {
                w.WriteStartObject();
                WriteCredentials(w, issue);
                w.WriteString("subjectFromWebIdentityToken", subject);
                WriteAssumedRoleUser(w, issue);
                w.WriteString("provider", providerArn.Contains(":oidc-provider/", StringComparison.Ordinal) ? providerArn : providerHost);
                w.WriteString("audience", audience);
                w.WriteEndObject();
            },
            RequestId = AwsIds.Uuid(rng),
            EventId = AwsIds.Uuid(rng),
            ReadOnly = true,
            Resources = RoleResource(issue.Role),
            RecipientAccountId = issue.Role.AccountId,
            Host = "sts." + issue.Region + ".amazonaws.com",
        };
    }

    /// <summary>GetSessionToken returns only credentials: the session keeps the IAM user's ARN.</summary>
    public static TrailEvent GetSessionToken(SeededRandom rng, CallerIdentity user, string issuedKey, DateTimeOffset time, string region, string ip, string userAgent)
    {
        var issue = new Issuance(new RoleRef("", "", user.AccountId!, ""), "", issuedKey, time, region, TimeSpan.FromHours(12));
        return new TrailEvent
        {
            EventVersion = "1.08",
            UserIdentity = user,
            EventTime = time,
            EventSource = "sts.amazonaws.com",
            EventName = "GetSessionToken",
            AwsRegion = region,
            SourceIp = ip,
            UserAgent = userAgent,
            RequestParameters = w =>
            {
                w.WriteStartObject();
                w.WriteNumber("durationSeconds", 43200);
                w.WriteEndObject();
            },
            ResponseElements = w =>
            {
                w.WriteStartObject();
                WriteCredentials(w, issue);
                w.WriteEndObject();
            },
            RequestId = AwsIds.Uuid(rng),
            EventId = AwsIds.Uuid(rng),
            ReadOnly = true,
            RecipientAccountId = user.AccountId!,
            Host = "sts." + region + ".amazonaws.com",
        };
    }

    /// <summary>The Identity Center side of a portal/CLI sign-in: an AwsServiceEvent in the IdC account, no keys.</summary>
    public static TrailEvent GetRoleCredentials(SeededRandom rng, string idcAccount, string region, DateTimeOffset time, OnBehalfOf user, string permissionSet, string targetAccount, string ip, string userAgent) => new()
    {
        EventVersion = "1.11",
        UserIdentity = new CallerIdentity { Type = "IdentityCenterUser", AccountId = idcAccount, OnBehalfOf = user, CredentialId = AwsIds.Base64ish(rng, 86) },
        EventTime = time,
        EventSource = "sso.amazonaws.com",
        EventName = "GetRoleCredentials",
        AwsRegion = region,
        SourceIp = ip,
        UserAgent = userAgent,
        RequestId = AwsIds.Uuid(rng),
        EventId = AwsIds.Uuid(rng),
        ReadOnly = true,
        EventType = "AwsServiceEvent",
        RecipientAccountId = idcAccount,
        ServiceEventDetails = w =>
        {
            w.WriteStartObject();
            w.WriteString("role_name", permissionSet);
            w.WriteString("account_id", targetAccount);
            w.WriteEndObject();
        },
    };

    public static JsonPart RoleResource(RoleRef role) => w =>
    {
        w.WriteStartArray();
        WriteResource(w, role.AccountId, "AWS::IAM::Role", role.Arn);
        w.WriteEndArray();
    };

    private static void WriteResource(Utf8JsonWriter w, string accountId, string type, string arn)
    {
        w.WriteStartObject();
        w.WriteString("accountId", accountId);
        w.WriteString("type", type);
        w.WriteString("ARN", arn);
        w.WriteEndObject();
    }

    private static void WriteCredentials(Utf8JsonWriter w, Issuance issue)
    {
        w.WriteStartObject("credentials");
        w.WriteString("accessKeyId", issue.IssuedKey);
        // Derived from the key, so both copies of a cross-account AssumeRole carry the same token, as real ones do.
        w.WriteString("sessionToken", AwsIds.FakeSessionToken(SeededRandom.Derive(0, World.SyntheticWorld.StableHash(issue.IssuedKey))));
        w.WriteString("expiration", TrailEventWriter.Expiration(issue.Time + issue.Duration));
        w.WriteEndObject();
    }

    private static void WriteAssumedRoleUser(Utf8JsonWriter w, Issuance issue)
    {
        w.WriteStartObject("assumedRoleUser");
        w.WriteString("assumedRoleId", issue.AssumedRoleId);
        w.WriteString("arn", issue.SessionArn);
        w.WriteEndObject();
    }
}
