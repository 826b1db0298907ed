using BedrockTrail.Normalise.Tests.Support;

namespace BedrockTrail.Normalise.Tests.CloudTrail;

public sealed class CloudTrailLogDecoderCredentialTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi, int s) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    [Fact]
    public void Decode_Flaws2LogFile_KeepsBothEcsTaskAssumeRoles()
    {
        // Given a complete real log file with two AssumeRole calls by ecs-tasks.amazonaws.com
        var (sink, outcome) = TrailFiles.DecodeSample("flaws2-cloud", "653711331788_CloudTrail_us-east-1_20181128T2235Z_cR9ra7OH1rytWyXY.json");

        Assert.Equal((ObjectVerdict.Ok, 2, 2), (outcome.Verdict, outcome.RecordsScanned, outcome.RowsKept));
        Assert.Empty(sink.Calls);
        Assert.Equal(["ASIAZQNB3KHGNXWXBSJS", "ASIAZQNB3KHGMG7YRUEW"], sink.Issuances.Select(i => i.IssuedAccessKeyId));
        Assert.Equal(["arn:aws:iam::653711331788:role/level3", "arn:aws:iam::653711331788:role/ecsTaskExecutionRole"], sink.Issuances.Select(i => i.RoleArn));
        var task = sink.Issuances[0];
        Assert.Equal("6177ca7e-860e-482c-bde9-50c735af58d6", task.EventId);
        Assert.Equal("AssumeRole", task.EventName);
        Assert.Equal(Utc(2018, 11, 28, 22, 31, 59), task.EventTime);
        Assert.Equal("d190d14a-2404-45d6-9113-4eda22d7f2c7", task.RoleSessionName);
        Assert.Equal("AWSService", task.CallerType);
        Assert.Equal("ecs-tasks.amazonaws.com", task.InvokedBy);
        Assert.Null(task.CallerArn);
        Assert.Equal("1d18bf74-8392-4496-9dc4-a45cb799b8b4", task.SharedEventId);
        Assert.Equal("653711331788", task.AccountId);
        Assert.Null(task.IssuedArn); // this old event has no assumedRoleUser
    }

    [Fact]
    public void Decode_Flaws2ListBuckets_IsScannedAndSkipped()
    {
        var (sink, outcome) = TrailFiles.DecodeSample("flaws2-cloud", "ListBuckets-level3-ecs-task-session.jq.json");

        Assert.Equal((ObjectVerdict.Ok, 1, 0), (outcome.Verdict, outcome.RecordsScanned, outcome.RowsKept));
        Assert.Empty(sink.AllRows);
        Assert.Empty(outcome.RecordFailures);
    }

    [Fact]
    public void Decode_IdentityCenterAssumeRoleWithSaml_ReadsSubjectProviderAndIssuedSession()
    {
        var (sink, _) = TrailFiles.DecodeSample("aidansteele-blog", "apps-can-now-impersonate-human-access-to-aws-via-iam-identity-center-05-AssumeRoleWithSAML.json");

        var saml = Assert.Single(sink.Issuances);
        Assert.Equal("AssumeRoleWithSAML", saml.EventName);
        Assert.Equal("ASIA52RQV423TWB3UWEE", saml.IssuedAccessKeyId);
        Assert.Equal("AROA52RQV4237EYPOIPDF:aidan.steele@glassechidna.com.au", saml.IssuedPrincipalId);
        Assert.Equal("arn:aws:sts::950363612855:assumed-role/AWSReservedSSO_AdministratorAccess_7243976e43c75fc5/aidan.steele@glassechidna.com.au", saml.IssuedArn);
        Assert.Equal("arn:aws:iam::950363612855:role/aws-reserved/sso.amazonaws.com/ap-southeast-2/AWSReservedSSO_AdministratorAccess_7243976e43c75fc5", saml.RoleArn);
        Assert.Equal("aidan.steele@glassechidna.com.au", saml.RoleSessionName);
        Assert.Equal("arn:aws:iam::950363612855:saml-provider/AWSSSO_9882ccf00912484e_DO_NOT_DELETE", saml.FederationProvider);
        Assert.Equal("aidan.steele@glassechidna.com.au", saml.FederationSubject);
        Assert.Equal("persistent", saml.FederationSubjectType);
        Assert.Equal("https://portal.sso.ap-southeast-2.amazonaws.com/saml/assertion/NjA3NDgxNTgxNTk2X2lucy0xZmJjZmIxYzUxMDk3NTZh", saml.FederationIssuer);
        Assert.Equal("https://signin.aws.amazon.com/saml", saml.FederationAudience);
        Assert.Equal("SAMLUser", saml.CallerType);
        Assert.Equal("aidan.steele@glassechidna.com.au", saml.CallerUserName);
        Assert.Equal("950363612855", saml.AccountId);
        Assert.Equal(Utc(2026, 7, 1, 0, 8, 20), saml.EventTime);
    }

    [Fact]
    public void Decode_IdentityCenterGetRoleCredentials_ReadsTargetAccountAndRole()
    {
        var (sink, _) = TrailFiles.DecodeSample("aidansteele-blog", "apps-can-now-impersonate-human-access-to-aws-via-iam-identity-center-04-GetRoleCredentials.json");

        var grc = Assert.Single(sink.Issuances);
        Assert.Equal("sso.amazonaws.com", grc.EventSource);
        Assert.Equal("950363612855", grc.TargetAccountId);
        Assert.Equal("AdministratorAccess", grc.TargetRoleName);
        Assert.Equal("976710cc5d-9d976f61-3b89-4b98-88db-2ea3bbc1f3fa", grc.FederationSubject);
        Assert.Equal("arn:aws:identitystore::607481581596:identitystore/d-976710cc5d", grc.FederationProvider);
        Assert.Equal("IdentityCenterUser", grc.CallerType);
        Assert.Equal("976710cc5d-9d976f61-3b89-4b98-88db-2ea3bbc1f3fa", grc.CallerOnBehalfOfUserId);
        Assert.Equal("607481581596", grc.AccountId);
        Assert.Null(grc.IssuedAccessKeyId);
    }

    [Fact]
    public void Decode_IdentityCenterCreateTokenWithIam_ReadsUserAndLambdaCaller()
    {
        var (sink, _) = TrailFiles.DecodeSample("aidansteele-blog", "apps-can-now-impersonate-human-access-to-aws-via-iam-identity-center-01-CreateTokenWithIAM.json");

        var token = Assert.Single(sink.Issuances);
        Assert.Equal("976710cc5d-9d976f61-3b89-4b98-88db-2ea3bbc1f3fa", token.FederationSubject);
        Assert.Equal("arn:aws:identitystore::607481581596:identitystore/d-976710cc5d", token.FederationProvider);
        Assert.Equal("arn:aws:sso::607481581596:application/ssoins-8259b771d0159cec/apl-82593a19cf4e0ed8", token.FederationAudience);
        Assert.Equal("ASIAY24FZKAOLBRPB3V3", token.CallerAccessKeyId);
        Assert.Equal(Utc(2026, 7, 1, 0, 8, 17), token.CallerSessionCreated);
    }

    [Fact]
    public void Decode_GitHubOidcAssumeRoleWithWebIdentity_ReadsRepoSubject()
    {
        var (sink, _) = TrailFiles.DecodeSample("aidansteele-blog", "aws-federation-comes-to-github-actions-01-AssumeRoleWithWebIdentity.json");

        var oidc = Assert.Single(sink.Issuances);
        Assert.Equal("repo:aidansteele/aws-federation-github-actions:ref:refs/heads/main", oidc.FederationSubject);
        Assert.Equal("arn:aws:iam::0123456789012:oidc-provider/token.actions.githubusercontent.com", oidc.FederationProvider);
        Assert.Equal("https://github.com/aidansteele", oidc.FederationAudience);
        Assert.Equal("ASIAY29999OMG3MKNAG", oidc.IssuedAccessKeyId);
        Assert.Equal("AROAY99999AOBPS6VNUFM:botocore-session-1631674835", oidc.IssuedPrincipalId);
        Assert.Equal("botocore-session-1631674835", oidc.RoleSessionName);
        Assert.Equal("WebIdentityUser", oidc.CallerType);
        Assert.Null(oidc.SessionTags);
    }

    [Fact]
    public void Decode_CognitoWebIdentityWithPrincipalTags_WritesTagsAsCompactJson()
    {
        var (sink, _) = TrailFiles.DecodeSample("aidansteele-blog", "aws-role-session-tags-for-github-actions-01-AssumeRoleWithWebIdentity.json");

        var oidc = Assert.Single(sink.Issuances);
        Assert.Equal("cognito-identity.amazonaws.com", oidc.FederationProvider);
        Assert.Equal("ap-southeast-2:f33550b0-d103-4ff1-9319-1745fea988da", oidc.FederationSubject);
        Assert.Equal(
            """{"actor":"aidansteele","ref":"refs/heads/main","run_id":"6634485805","event":"workflow_dispatch","repository":"ak2-au/oidc-token-fetcher","sha":"65e4b17a18e0f86c7b608703ec4a8340c3461d01"}""",
            oidc.SessionTags);
    }

    [Fact]
    public void Decode_CrossAccountPairFromIamDocs_KeepsBothCopiesWithSharedEventId()
    {
        // Given the caller account's copy (IAMUser) and the role owner's copy (AWSAccount) in one file
        var log = "{\"Records\":[" + TrailFiles.Sample("awsdocs", "iam-ug-cloudtrail-integration-02-AssumeRole.json") + ","
            + TrailFiles.Sample("awsdocs", "iam-ug-cloudtrail-integration-03-AssumeRole.json") + "]}";

        var (sink, outcome) = TrailFiles.Decode(log);

        // Then both are kept as they are; the resolver merges them on sharedEventID
        Assert.Equal((ObjectVerdict.Ok, 2), (outcome.Verdict, outcome.RowsKept));
        var (callerCopy, ownerCopy) = (sink.Issuances[0], sink.Issuances[1]);
        Assert.Equal("bEXAMPLE-efea-4a70-b951-19a88EXAMPLE", callerCopy.SharedEventId);
        Assert.Equal(callerCopy.SharedEventId, ownerCopy.SharedEventId);
        Assert.Equal(callerCopy.RequestId, ownerCopy.RequestId);
        Assert.Equal(("IAMUser", "AWSAccount"), (callerCopy.CallerType, ownerCopy.CallerType));
        Assert.Equal("arn:aws:iam::777788889999:user/JohnDoe", callerCopy.CallerArn);
        Assert.Equal("AKIAQRSTUVWXYZEXAMPLE", callerCopy.CallerAccessKeyId);
        Assert.Null(ownerCopy.CallerArn);
        Assert.Equal(("777788889999", "AIDAQRSTUVWXYZEXAMPLE"), (ownerCopy.CallerAccountId, ownerCopy.CallerPrincipalId));
        Assert.All(sink.Issuances, i => Assert.Equal("JohnDoe", i.SourceIdentity));
        Assert.All(sink.Issuances, i => Assert.Equal("arn:aws:sts::111122223333:assumed-role/EC2-dev/JohnDoe-EC2-dev", i.IssuedArn));
        Assert.All(sink.Issuances, i => Assert.Equal("arn:aws:iam::111122223333:role/EC2-dev", i.RoleArn));
    }

    [Fact]
    public void Decode_RoleChainingWithTags_ReadsTagsAndCallerSourceIdentity()
    {
        var (sink, _) = TrailFiles.DecodeSample("awsdocs", "iam-ug-cloudtrail-integration-04-AssumeRole.json");

        var chained = Assert.Single(sink.Issuances);
        Assert.Equal("""{"Email":"johndoe@example.com","CostCenter":"12345"}""", chained.SessionTags);
        Assert.Equal("ASIAWHOJDLGPOEXAMPLE", chained.IssuedAccessKeyId);
        Assert.Equal("JohnDoe", chained.CallerSourceIdentity);
        Assert.Equal("arn:aws:iam::111111111111:role/JohnRole1", chained.CallerSessionIssuerArn);
        Assert.Equal(Utc(2019, 10, 2, 21, 50, 54), chained.CallerSessionCreated);
    }

    [Fact]
    public void Decode_PantherAwsAccountCaller_ReadsStringBooleansAndNanosecondTime()
    {
        var (sink, _) = TrailFiles.DecodeSample("panther-analysis", "aws_ec2_many_passwors_read_attempts--03-AssumeRole-Unrelated_Event.json");

        var copy = Assert.Single(sink.Issuances);
        Assert.Equal(Utc(2024, 12, 12, 16, 4, 32), copy.EventTime);
        Assert.Equal("AWSAccount", copy.CallerType);
        Assert.Equal("SAMPLE_PRINCIPAL_ID:lambda-name", copy.CallerPrincipalId);
        Assert.Equal("111122223333", copy.CallerAccountId);
        Assert.Equal("SAMPLE_ACCESS_KEY", copy.IssuedAccessKeyId);
        Assert.Equal("fe4784a8-b3b8-4dac-a763-0476f4bef6e3", copy.SharedEventId);
    }

    [Fact]
    public void Decode_AssumeRootSampleRepaired_MapsTargetAccountAsRootSession()
    {
        // Given the IAM guide's AssumeRoot excerpt with its Markdown artefacts removed: it has no eventID
        var repaired = TrailFiles.Sample("awsdocs", "iam-ug-cloudtrail-track-privileged-tasks.AssumeRoot.txt")
            .Replace("\"**assumedRoot** \": \"**true** \"", "\"assumedRoot\": \"true\"", StringComparison.Ordinal)
            .Replace("\"**eventName** \": \"**AssumeRoot** \"", "\"eventName\": \"AssumeRoot\"", StringComparison.Ordinal);
        Assert.DoesNotContain("**", repaired, StringComparison.Ordinal);

        // When decoded as published, Then the record fails for its missing eventID
        var (asPublished, outcome) = TrailFiles.Decode(TrailFiles.Wrap(repaired));
        Assert.Empty(asPublished.AllRows);
        Assert.Equal(new RecordFailure(0, "missing eventID"), Assert.Single(outcome.RecordFailures));

        // When the test gives it an eventID, Then it maps to the member account's root session
        var withId = repaired.Replace("\"eventTime\"", "\"eventID\": \"test-assume-root-1\",\n\"eventTime\"", StringComparison.Ordinal);
        var (sink, _) = TrailFiles.Decode(TrailFiles.Wrap(withId));
        var root = Assert.Single(sink.Issuances);
        Assert.Equal("AssumeRoot", root.EventName);
        Assert.Equal("222222222222", root.TargetAccountId);
        Assert.Equal("arn:aws:iam::222222222222:root", root.IssuedArn);
        Assert.Equal("222222222222", root.IssuedPrincipalId);
        Assert.Equal("ASIAIOSFODNN7EXAMPLE", root.IssuedAccessKeyId);
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/JohnDoe/JohnRole1", root.CallerArn);
    }

    [Fact]
    public void Decode_StratusGetFederationToken_ReadsFederatedUser()
    {
        var (sink, outcome) = TrailFiles.DecodeSample("stratus-red-team", "aws.persistence.sts-federation-token.json");

        // GetCallerIdentity by the federated user is sts noise: scanned, not kept
        Assert.Equal((2, 1), (outcome.RecordsScanned, outcome.RowsKept));
        var federation = Assert.Single(sink.Issuances);
        Assert.Equal("ASIASTJKC5GCM7ZE6LUP", federation.IssuedAccessKeyId);
        Assert.Equal("arn:aws:sts::742491224508:federated-user/stratus_red_team", federation.IssuedArn);
        Assert.Equal("742491224508:stratus_red_team", federation.IssuedPrincipalId);
        Assert.Equal("stratus_red_team", federation.RoleSessionName);
        Assert.Equal("AKIA6V1GNZTT65XQH36M", federation.CallerAccessKeyId);
        Assert.Equal("IAMUser", federation.CallerType);
    }

    [Fact]
    public void Decode_ConsoleLogins_SuccessIssuesUserArnAndFailureHasErrorCode()
    {
        var (ok, _) = TrailFiles.DecodeSample("stratus-red-team", "aws.initial-access.console-login-without-mfa.json");
        var (failed, _) = TrailFiles.DecodeSample("awsdocs", "ct-ug-console-sign-in-events-03-ConsoleLogin.json");
        var (root, _) = TrailFiles.DecodeSample("panther-analysis", "aws_console_root_login--01-ConsoleLogin-Successful_Root_Login.json");

        var login = Assert.Single(ok.Issuances);
        Assert.Equal("signin.amazonaws.com", login.EventSource);
        Assert.Equal("arn:aws:iam::562283505220:user/stratus-red-team-nmfalu-jfzdtsvchl", login.IssuedArn);
        Assert.Equal("AIDA1ERT0661IN5R239V", login.IssuedPrincipalId);
        Assert.Null(login.ErrorCode);

        var failure = Assert.Single(failed.Issuances);
        Assert.Equal("Failure", failure.ErrorCode);
        Assert.Equal("Failed authentication", failure.ErrorMessage);
        Assert.Null(failure.CallerAccessKeyId); // "" in the event

        Assert.Equal("arn:aws:iam::123456789012:root", Assert.Single(root.Issuances).IssuedArn);
    }

    [Fact]
    public void Decode_IdentityCenterUserAuthentication_IsKeptWithUserId()
    {
        var (sink, _) = TrailFiles.DecodeSample("awsdocs", "transfer-ug-webapp-cloudtrail.UserAuthentication-IdentityCenter.json");

        var auth = Assert.Single(sink.Issuances);
        Assert.Equal("f12bb510-a011-702f-10dd-5607e2776dbc", auth.FederationSubject);
        Assert.Equal("arn:aws:identitystore::123456789012:identitystore/d-9a670c546e", auth.FederationProvider);
        Assert.Equal("demo-user-2", auth.CallerUserName);
        Assert.Null(auth.ErrorCode);
    }

    [Fact]
    public void Decode_FailedGetSessionToken_IsKeptWithErrorCode()
    {
        // Given Panther's failed GetSessionToken, which has no eventID as published
        var sample = TrailFiles.Sample("panther-analysis", "aws_sts_getsessiontoken_misuse--02-GetSessionToken-GetSessionToken_Failed.json");
        var (asPublished, outcome) = TrailFiles.Decode(TrailFiles.Wrap(sample));
        Assert.Empty(asPublished.AllRows);
        Assert.Equal(new RecordFailure(0, "missing eventID"), Assert.Single(outcome.RecordFailures));

        // When it has one, Then the failed call is kept with its error code
        var (sink, _) = TrailFiles.Decode(TrailFiles.Wrap(sample.Replace("\"awsRegion\"", "\"eventID\": \"gst-1\", \"awsRegion\"", StringComparison.Ordinal)));
        var failed = Assert.Single(sink.Issuances);
        Assert.Equal("GetSessionToken", failed.EventName);
        Assert.Equal("AccessDenied", failed.ErrorCode);
        Assert.Null(failed.IssuedAccessKeyId);
        Assert.Null(failed.IssuedArn); // no caller ARN either: nothing to claim
        Assert.Equal("example-user", failed.CallerUserName);
    }

    [Fact]
    public void Decode_EksPodIdentity_ReadsServiceAccountAndTags()
    {
        // Given an AssumeRoleForPodIdentity event shaped like the EKS Auth API response (no public sample exists)
        const string Log = """
            {"Records":[{"eventTime":"2025-02-01T00:00:00Z","eventID":"pod-1","eventSource":"eks-auth.amazonaws.com",
              "eventName":"AssumeRoleForPodIdentity","userIdentity":{"type":"AWSService","invokedBy":"pods.eks.amazonaws.com"},
              "requestParameters":{"clusterName":"prod","token":"HIDDEN_DUE_TO_SECURITY_REASONS"},
              "responseElements":{"subject":{"namespace":"ml","serviceAccount":"inference"},"audience":"pods.eks.amazonaws.com",
                "assumedRoleUser":{"arn":"arn:aws:sts::123456789012:assumed-role/PodRole/eks-prod-inference-abc","assumeRoleId":"AROAPOD:eks-prod-inference-abc"},
                "credentials":{"accessKeyId":"ASIAPOD","sessionToken":"POD-TOKEN-SECRET","expiration":"x"}}}]}
            """;

        var (sink, _) = TrailFiles.Decode(Log);

        var pod = Assert.Single(sink.Issuances);
        Assert.Equal("system:serviceaccount:ml:inference", pod.FederationSubject);
        Assert.Equal("prod", pod.FederationProvider);
        Assert.Equal("pods.eks.amazonaws.com", pod.FederationAudience);
        Assert.Equal("ASIAPOD", pod.IssuedAccessKeyId);
        Assert.Equal("AROAPOD:eks-prod-inference-abc", pod.IssuedPrincipalId);
        Assert.Equal("""{"eks-cluster-name":"prod","kubernetes-namespace":"ml","kubernetes-service-account":"inference"}""", pod.SessionTags);
    }

    [Fact]
    public void Decode_RolesAnywhereCreateSession_ReadsCredentialSet()
    {
        const string Log = """
            {"Records":[{"eventTime":"2025-02-01T00:00:00Z","eventID":"ra-1","eventSource":"rolesanywhere.amazonaws.com",
              "eventName":"CreateSession","userIdentity":{"type":"Unknown","principalId":"serial"},
              "requestParameters":{"roleArn":"arn:aws:iam::123456789012:role/Onprem","trustAnchorArn":"arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/ta"},
              "responseElements":{"subjectArn":"arn:aws:rolesanywhere:us-east-1:123456789012:subject/s1",
                "credentialSet":[{"assumedRoleUser":{"arn":"arn:aws:sts::123456789012:assumed-role/Onprem/serial","assumedRoleId":"AROAX:serial"},
                  "credentials":{"accessKeyId":"ASIARA","sessionToken":"RA-TOKEN-SECRET"},"sourceIdentity":"CN=host1"}]}}]}
            """;

        var (sink, _) = TrailFiles.Decode(Log);

        var session = Assert.Single(sink.Issuances);
        Assert.Equal("ASIARA", session.IssuedAccessKeyId);
        Assert.Equal("AROAX:serial", session.IssuedPrincipalId);
        Assert.Equal("CN=host1", session.SourceIdentity);
        Assert.Equal("arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/ta", session.FederationProvider);
        Assert.Equal("arn:aws:rolesanywhere:us-east-1:123456789012:subject/s1", session.FederationSubject);
    }
}
