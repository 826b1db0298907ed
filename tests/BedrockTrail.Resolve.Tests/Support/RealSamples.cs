using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Tests.Support;

/// <summary>
/// Rows built by hand with the exact values of real public CloudTrail events (the decoder is written in parallel,
/// so these do not depend on it). Each maker cites its sample under fixtures/samples/.
/// </summary>
internal static class RealSamples
{
    public const string IdcUser = "aidan.steele@glassechidna.com.au";
    public const string IdcUserId = "976710cc5d-9d976f61-3b89-4b98-88db-2ea3bbc1f3fa";
    public const string IdcRoleArn = "arn:aws:iam::950363612855:role/aws-reserved/sso.amazonaws.com/ap-southeast-2/AWSReservedSSO_AdministratorAccess_7243976e43c75fc5";
    public const string IdcSessionArn = "arn:aws:sts::950363612855:assumed-role/AWSReservedSSO_AdministratorAccess_7243976e43c75fc5/aidan.steele@glassechidna.com.au";
    public const string IdcSessionKey = "ASIA52RQV4232GGDZ2HL";
    public static readonly DateTime IdcTime = new(2026, 7, 1, 0, 8, 20, DateTimeKind.Utc);

    /// <summary>aidansteele-blog/apps-can-now-…-05-AssumeRoleWithSAML.json: issues ASIA52RQV423TWB3UWEE.</summary>
    public static CredentialEvent IdcAssumeRoleWithSaml() => new()
    {
        EventId = "423fa918-3e60-4161-812c-8ccb1afbd672",
        EventTime = IdcTime,
        EventSource = "sts.amazonaws.com",
        EventName = "AssumeRoleWithSAML",
        AccountId = "950363612855",
        Region = "ap-southeast-2",
        RequestId = "c87269ec-e726-4729-a956-c01e0795b3be",
        IssuedAccessKeyId = "ASIA52RQV423TWB3UWEE",
        IssuedArn = IdcSessionArn,
        IssuedPrincipalId = "AROA52RQV4237EYPOIPDF:aidan.steele@glassechidna.com.au",
        RoleArn = IdcRoleArn,
        RoleSessionName = IdcUser,
        FederationProvider = "arn:aws:iam::950363612855:saml-provider/AWSSSO_9882ccf00912484e_DO_NOT_DELETE",
        FederationSubject = IdcUser,
        FederationSubjectType = "persistent",
        FederationIssuer = "https://portal.sso.ap-southeast-2.amazonaws.com/saml/assertion/NjA3NDgxNTgxNTk2X2lucy0xZmJjZmIxYzUxMDk3NTZh",
        FederationAudience = "https://signin.aws.amazon.com/saml",
        CallerType = "SAMLUser",
        CallerPrincipalId = "/nQTosBbaHrvuioiTKQkrbl3/WM=:aidan.steele@glassechidna.com.au",
        CallerUserName = IdcUser,
        SourceIp = "13.239.101.254",
        UserAgent = "aws-sdk-java/2.46.14 md/io#sync md/http#Apache md/internal ua/2.1 api/STS#2.46.x",
        SourceObject = "aidansteele-blog/apps-can-now-impersonate-human-access-to-aws-via-iam-identity-center-05-AssumeRoleWithSAML.json",
    };

    /// <summary>aidansteele-blog/apps-can-now-…-04-GetRoleCredentials.json (logged in the Identity Center account).</summary>
    public static CredentialEvent IdcGetRoleCredentials() => new()
    {
        EventId = "049a5a98-7ad4-4399-b735-eedddb45aa0f",
        EventTime = IdcTime,
        EventSource = "sso.amazonaws.com",
        EventName = "GetRoleCredentials",
        AccountId = "607481581596",
        Region = "ap-southeast-2",
        RequestId = "8d8e59e3-8e82-4011-afd8-0a804d454b46",
        TargetAccountId = "950363612855",
        TargetRoleName = "AdministratorAccess",
        CallerType = "IdentityCenterUser",
        CallerAccountId = "607481581596",
        CallerOnBehalfOfUserId = IdcUserId,
        CallerIdentityStoreArn = "arn:aws:identitystore::607481581596:identitystore/d-976710cc5d",
        SourceIp = "54.79.161.228",
        SourceObject = "aidansteele-blog/apps-can-now-impersonate-human-access-to-aws-via-iam-identity-center-04-GetRoleCredentials.json",
    };

    /// <summary>
    /// The session of aidansteele-blog/apps-can-now-…-06-GetCallerIdentity.json, shaped as a Bedrock call: another
    /// key (ASIA52RQV4232GGDZ2HL) than the SAML call returned; assumedRoleId and creationDate match.
    /// </summary>
    public static BedrockCall IdcSessionCall() => new()
    {
        EventId = "962b63aa-0b29-444a-89a8-d5d72cd8248b",
        EventTime = IdcTime,
        EventSource = "bedrock.amazonaws.com",
        EventName = "InvokeModel",
        AccountId = "950363612855",
        Region = "ap-southeast-2",
        ModelId = Some.Model,
        PrincipalType = "AssumedRole",
        PrincipalId = "AROA52RQV4237EYPOIPDF:aidan.steele@glassechidna.com.au",
        PrincipalArn = IdcSessionArn,
        PrincipalAccountId = "950363612855",
        AccessKeyId = IdcSessionKey,
        SessionKey = IdcSessionKey,
        SessionIssuerType = "Role",
        SessionIssuerArn = IdcRoleArn,
        SessionIssuerPrincipalId = "AROA52RQV4237EYPOIPDF",
        SessionName = IdcUser,
        SessionCreated = IdcTime,
        MfaAuthenticated = false,
        OnBehalfOfUserId = IdcUserId,
        IdentityStoreArn = "arn:aws:identitystore::607481581596:identitystore/d-976710cc5d",
        SourceIp = "54.79.161.228",
        UserAgent = "aws-sdk-go-v2/1.36.3 ua/2.1 os/linux lang/go#1.26.4 md/GOOS#linux md/GOARCH#arm64 api/sts#1.33.19 m/E,e",
        SourceObject = "aidansteele-blog/apps-can-now-impersonate-human-access-to-aws-via-iam-identity-center-06-GetCallerIdentity.json",
    };

    public const string EcsTaskId = "d190d14a-2404-45d6-9113-4eda22d7f2c7";

    /// <summary>flaws2-cloud/653711331788_CloudTrail_us-east-1_20181128T2235Z_cR9ra7OH1rytWyXY.json, first record (task role).</summary>
    public static CredentialEvent EcsTaskAssumeRole() => new()
    {
        EventId = "6177ca7e-860e-482c-bde9-50c735af58d6",
        EventTime = new DateTime(2018, 11, 28, 22, 31, 59, DateTimeKind.Utc),
        EventSource = "sts.amazonaws.com",
        EventName = "AssumeRole",
        AccountId = "653711331788",
        Region = "us-east-1",
        RequestId = "6b7d6c60-f35d-11e8-becc-39e7d43d4afe",
        SharedEventId = "1d18bf74-8392-4496-9dc4-a45cb799b8b4",
        IssuedAccessKeyId = "ASIAZQNB3KHGNXWXBSJS",
        RoleArn = "arn:aws:iam::653711331788:role/level3",
        RoleSessionName = EcsTaskId,
        CallerType = "AWSService",
        InvokedBy = "ecs-tasks.amazonaws.com",
        SourceIp = "ecs-tasks.amazonaws.com",
        UserAgent = "ecs-tasks.amazonaws.com",
        SourceObject = "flaws2-cloud/653711331788_CloudTrail_us-east-1_20181128T2235Z_cR9ra7OH1rytWyXY.json",
    };

    /// <summary>The execution role's AssumeRole in the same file: same task id, another key.</summary>
    public static CredentialEvent EcsExecutionAssumeRole() => EcsTaskAssumeRole() with
    {
        EventId = "457af3a9-0b1b-44ca-91e1-8f4a0f873149",
        RequestId = "6b80a0b1-f35d-11e8-becc-39e7d43d4afe",
        SharedEventId = "5397e1a9-82c7-4a00-9b1c-e44cbd688aa1",
        IssuedAccessKeyId = "ASIAZQNB3KHGMG7YRUEW",
        RoleArn = "arn:aws:iam::653711331788:role/ecsTaskExecutionRole",
    };

    /// <summary>flaws2-cloud/ListBuckets-level3-ecs-task-session.jq.json, shaped as a Bedrock call from outside.</summary>
    public static BedrockCall EcsTaskSessionCall() => new()
    {
        EventId = "65e111a0-83ae-4ba8-9673-16291a804873",
        EventTime = new DateTime(2018, 11, 28, 23, 9, 28, DateTimeKind.Utc),
        EventSource = "bedrock.amazonaws.com",
        EventName = "InvokeModel",
        AccountId = "653711331788",
        Region = "us-east-1",
        ModelId = Some.Model,
        PrincipalType = "AssumedRole",
        PrincipalId = "AROAJQMBDNUMIKLZKMF64:" + EcsTaskId,
        PrincipalArn = "arn:aws:sts::653711331788:assumed-role/level3/" + EcsTaskId,
        PrincipalAccountId = "653711331788",
        AccessKeyId = "ASIAZQNB3KHGNXWXBSJS",
        SessionKey = "ASIAZQNB3KHGNXWXBSJS",
        SessionIssuerType = "Role",
        SessionIssuerArn = "arn:aws:iam::653711331788:role/level3",
        SessionIssuerPrincipalId = "AROAJQMBDNUMIKLZKMF64",
        SessionName = EcsTaskId,
        SessionCreated = new DateTime(2018, 11, 28, 22, 31, 59, DateTimeKind.Utc),
        SourceIp = "104.102.221.250",
        UserAgent = "[aws-cli/1.16.19 Python/2.7.10 Darwin/17.7.0 botocore/1.12.9]",
        SourceObject = "flaws2-cloud/ListBuckets-level3-ecs-task-session.jq.json",
    };
}
