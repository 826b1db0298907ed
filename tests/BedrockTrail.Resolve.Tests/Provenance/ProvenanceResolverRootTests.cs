using BedrockTrail.Lake;
using BedrockTrail.Resolve.IdentityCenter;
using BedrockTrail.Resolve.Provenance;
using BedrockTrail.Resolve.Tests.Support;

namespace BedrockTrail.Resolve.Tests.Provenance;

public sealed class ProvenanceResolverRootTests
{
    private const string Acct = "333333333333";

    [Fact]
    public void Resolve_IdentityCenterSessionWithDifferentKey_LinksByPrincipalAndCreationDate()
    {
        // Given the real aidansteele trace: -05 returned ASIA52RQV423TWB3UWEE, the -06 session uses ASIA52RQV4232GGDZ2HL
        var call = RealSamples.IdcSessionCall();

        // When
        var row = Resolving.One(call, RealSamples.IdcAssumeRoleWithSaml(), RealSamples.IdcGetRoleCredentials());

        // Then
        Assert.Equal(RealSamples.IdcUser, row.Identity);
        Assert.Equal(IdentityKinds.Human, row.IdentityKind);
        Assert.Equal("identity-center", row.IdentitySource);
        Assert.Equal(ResolutionStatuses.Resolved, row.Status);
        Assert.Equal([RealSamples.IdcUser, RealSamples.IdcSessionArn], row.Chain);
        Assert.Equal(1, row.Hops);
        Assert.Equal("console-principal-time", row.Evidence);
    }

    [Fact]
    public void Resolve_IdentityCenterSessionSamlCallOutsideTolerance_FallsBackToOnBehalfOf()
    {
        // Given the SAML call is 10 minutes off the session's creationDate, but the session carries onBehalfOf
        var saml = RealSamples.IdcAssumeRoleWithSaml() with { EventTime = RealSamples.IdcTime.AddMinutes(-10) };

        var row = Resolving.One(RealSamples.IdcSessionCall(), saml);

        // Then the session name (set by Identity Center to the user name) names the user
        Assert.Equal(RealSamples.IdcUser, row.Identity);
        Assert.Equal("identity-center", row.IdentitySource);
        Assert.Equal("identity-center", row.Evidence);
        Assert.Equal(ResolutionStatuses.Resolved, row.Status);
    }

    [Fact]
    public void Resolve_IdentityEnhancedSessionOnlyUserId_MapsIdThroughTheDirectory()
    {
        // Given an app role session acting on behalf of an Identity Center user (transfer-ug-webapp sample shape)
        var call = Some.RoleCall("ASIAAPP0000000000001", Acct, "WebAppRole", "app-session", Some.At(0)) with { OnBehalfOfUserId = RealSamples.IdcUserId };
        var directory = new IdentityCenterDirectory([new(RealSamples.IdcUserId, "aidan")]);

        var mapped = Resolving.Row(Resolving.All([call], [], new ResolverOptions { Directory = directory }), call.SessionKey);
        var unmapped = Resolving.One(call);

        Assert.Equal("aidan", mapped.Identity);
        Assert.Equal(IdentityKinds.Human, mapped.IdentityKind);
        Assert.Equal("identity-center", mapped.IdentitySource);
        Assert.Equal(RealSamples.IdcUserId, unmapped.Identity);
    }

    [Fact]
    public void Resolve_ReservedSsoSessionCorroboratedByGetRoleCredentials_ResolvesToSessionName()
    {
        // Given no SAML call and no onBehalfOf, but Identity Center's GetRoleCredentials for that permission set
        var call = RealSamples.IdcSessionCall() with { OnBehalfOfUserId = null };

        var row = Resolving.One(call, RealSamples.IdcGetRoleCredentials());

        Assert.Equal(RealSamples.IdcUser, row.Identity);
        Assert.Equal("identity-center", row.IdentitySource);
        Assert.Equal(ResolutionStatuses.Resolved, row.Status);
    }

    [Fact]
    public void Resolve_ReservedSsoSessionWithoutAnyEvidence_StaysUnresolved()
    {
        var call = RealSamples.IdcSessionCall() with { OnBehalfOfUserId = null };

        var row = Resolving.One(call);

        Assert.Equal(IdentityKinds.Unresolved, row.IdentityKind);
        Assert.Equal(RealSamples.IdcRoleArn, row.Identity);
    }

    [Fact]
    public void Resolve_Flaws2EcsTaskRoleUsedFromOutside_IsTheEcsTask()
    {
        // Given the real flaws2 AssumeRole pair (task and execution role) and the stolen task-role key in use
        var row = Resolving.One(RealSamples.EcsTaskSessionCall(), RealSamples.EcsExecutionAssumeRole(), RealSamples.EcsTaskAssumeRole());

        Assert.Equal(RealSamples.EcsTaskId, row.Identity);
        Assert.Equal(IdentityKinds.Workload, row.IdentityKind);
        Assert.Equal("ecs", row.IdentitySource);
        Assert.Equal(ResolutionStatuses.Resolved, row.Status);
        Assert.Equal([RealSamples.EcsTaskId, "arn:aws:sts::653711331788:assumed-role/level3/" + RealSamples.EcsTaskId], row.Chain);
        Assert.Equal("access-key", row.Evidence);
    }

    [Theory]
    [InlineData("arn:aws:iam::333333333333:saml-provider/Okta", "okta.user@example.com", "human", "saml")]
    [InlineData("token.actions.githubusercontent.com", "repo:acme/infer:ref:refs/heads/main", "workload", "oidc")]
    [InlineData("arn:aws:iam::333333333333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC", "system:serviceaccount:ml:scorer", "workload", "oidc")]
    [InlineData("cognito-identity.amazonaws.com", "us-east-1:1234abcd-0000-0000-0000-000000000000", "human", "oidc")]
    [InlineData("dev-123.okta.com", "00u1abcd", "human", "oidc")]
    public void Resolve_FederatedSession_NamesTheSubjectByProvider(string provider, string subject, string kind, string source)
    {
        var issue = provider.Contains("saml-provider", StringComparison.Ordinal)
            ? Some.Saml("ASIAFED0000000000001", Acct, "Fed", "fed-session", Some.At(0), subject, provider)
            : Some.WebIdentity("ASIAFED0000000000001", Acct, "Fed", "fed-session", Some.At(0), provider, subject);
        var call = Some.RoleCall("ASIAFED0000000000001", Acct, "Fed", "fed-session", Some.At(0));

        var row = Resolving.One(call, issue);

        Assert.Equal(subject, row.Identity);
        Assert.Equal(kind, row.IdentityKind);
        Assert.Equal(source, row.IdentitySource);
        Assert.Equal(ResolutionStatuses.Resolved, row.Status);
        Assert.Equal("access-key", row.Evidence);
    }

    [Theory]
    [InlineData("ec2.amazonaws.com", "i-0abc1234def567890", "i-0abc1234def567890", "ec2")]
    [InlineData("lambda.amazonaws.com", "score-fn", "score-fn", "lambda")]
    [InlineData("ecs-tasks.amazonaws.com", "0f1e2d3c4b5a", "0f1e2d3c4b5a", "ecs")]
    [InlineData("sagemaker.amazonaws.com", "SageMaker", "sagemaker.amazonaws.com/SageMaker", "aws-service")]
    public void Resolve_SessionIssuedToAnAwsService_IsTheWorkload(string service, string session, string identity, string source)
    {
        var issue = Some.ServiceAssumeRole("ASIASVC0000000000001", Acct, "Workload", session, Some.At(0), service);
        var call = Some.RoleCall("ASIASVC0000000000001", Acct, "Workload", session, Some.At(0));

        var row = Resolving.One(call, issue);

        Assert.Equal(identity, row.Identity);
        Assert.Equal(IdentityKinds.Workload, row.IdentityKind);
        Assert.Equal(source, row.IdentitySource);
        Assert.Equal(ResolutionStatuses.Resolved, row.Status);
    }

    [Fact]
    public void Resolve_LambdaConsumingSessionNamedAfterFunction_UsesTheConsumingSessionName()
    {
        // Given lambda's AssumeRole names the session awslambda_… (panther role_assumed_by_aws_service--01) while
        // the function's calls show the function name
        var issue = Some.ServiceAssumeRole("ASIALAMBDA0000000001", Acct, "FnRole", "awslambda_55_20240602202712548", Some.At(0), "lambda.amazonaws.com");
        var call = Some.RoleCall("ASIALAMBDA0000000001", Acct, "FnRole", "invoke-claude", Some.At(0));

        var row = Resolving.One(call, issue);

        Assert.Equal("invoke-claude", row.Identity);
        Assert.Equal("lambda", row.IdentitySource);
    }

    [Theory]
    [InlineData("[{\"key\":\"eks-cluster-name\",\"value\":\"prod\"},{\"key\":\"kubernetes-namespace\",\"value\":\"ml\"},{\"key\":\"kubernetes-service-account\",\"value\":\"scorer\"}]")]
    [InlineData("{\"eks-cluster-name\":\"prod\",\"kubernetes-namespace\":\"ml\",\"kubernetes-service-account\":\"scorer\"}")]
    public void Resolve_EksPodIdentitySession_NamesTheServiceAccountFromTags(string tags)
    {
        var issue = Some.ServiceAssumeRole("ASIAPOD0000000000001", Acct, "PodRole", "eks-prod-scorer-1a2b", Some.At(0), "pods.eks.amazonaws.com") with { SessionTags = tags };
        var call = Some.RoleCall("ASIAPOD0000000000001", Acct, "PodRole", "eks-prod-scorer-1a2b", Some.At(0));

        var row = Resolving.One(call, issue);

        Assert.Equal("system:serviceaccount:ml:scorer", row.Identity);
        Assert.Equal(IdentityKinds.Workload, row.IdentityKind);
        Assert.Equal("eks", row.IdentitySource);
    }

    [Fact]
    public void Resolve_RootUserAssumesRole_IsTheRootArn()
    {
        var issue = Some.AssumeRole("ASIAROOTCHILD0000001", Acct, "Admin", "root-session", Some.At(0), Caller.Root(Acct, "AKIAROOT00000000000"));
        var call = Some.RoleCall("ASIAROOTCHILD0000001", Acct, "Admin", "root-session", Some.At(0));

        var row = Resolving.One(call, issue);

        Assert.Equal("arn:aws:iam::333333333333:root", row.Identity);
        Assert.Equal(IdentityKinds.Root, row.IdentityKind);
        Assert.Equal("root", row.IdentitySource);
        Assert.Equal(["arn:aws:iam::333333333333:root", Some.SessionArn(Acct, "Admin", "root-session")], row.Chain);
    }

    [Fact]
    public void Resolve_RootUserCallsDirectly_UserIdentityNamesRoot()
    {
        var call = Some.UserCall("AKIAROOT00000000000", Acct, "x", Some.At(0)) with
        {
            PrincipalType = "Root",
            PrincipalArn = "arn:aws:iam::333333333333:root",
            PrincipalId = Acct,
            UserName = null,
        };

        var row = Resolving.One(call);

        Assert.Equal("arn:aws:iam::333333333333:root", row.Identity);
        Assert.Equal(IdentityKinds.Root, row.IdentityKind);
        Assert.Equal("user-identity", row.Evidence);
    }

    [Fact]
    public void Resolve_BedrockLongTermApiKey_IsTheApiKeyUser()
    {
        var call = Some.UserCall("AKIAAPIKEY000000000", Acct, "BedrockAPIKey-7xk2", Some.At(0)) with { CallWithBearerToken = true };

        var row = Resolving.One(call);

        Assert.Equal("arn:aws:iam::333333333333:user/BedrockAPIKey-7xk2", row.Identity);
        Assert.Equal(IdentityKinds.IamUser, row.IdentityKind);
        Assert.Equal("bedrock-api-key", row.IdentitySource);
        Assert.True(row.BedrockApiKey);
        Assert.True(row.LongTermCredential);
    }

    [Fact]
    public void Resolve_FederatedUserWithoutItsGetFederationToken_NamedBySessionIssuer()
    {
        // Given stratus-red-team/aws.persistence.sts-federation-token.json's shape: FederatedUser, issuer IAMUser
        var call = Some.UserCall("ASIAFEDUSER00000001", Acct, "x", Some.At(0)) with
        {
            PrincipalType = "FederatedUser",
            PrincipalArn = "arn:aws:sts::333333333333:federated-user/stratus",
            SessionIssuerType = "IAMUser",
            SessionIssuerArn = "arn:aws:iam::333333333333:user/stratus-user",
            UserName = null,
        };

        var row = Resolving.One(call);

        Assert.Equal("arn:aws:iam::333333333333:user/stratus-user", row.Identity);
        Assert.Equal(IdentityKinds.IamUser, row.IdentityKind);
        Assert.Equal(["arn:aws:iam::333333333333:user/stratus-user", "arn:aws:sts::333333333333:federated-user/stratus"], row.Chain);
        Assert.Equal("user-identity", row.Evidence);
    }

    [Fact]
    public void Resolve_GetSessionTokenSession_IsTheIamUser()
    {
        var call = Some.UserCall("ASIASESSIONTOKEN0001", Acct, "ops", Some.At(0));

        var row = Resolving.One(call);

        Assert.Equal("arn:aws:iam::333333333333:user/ops", row.Identity);
        Assert.False(row.LongTermCredential);
    }

    [Fact]
    public void Resolve_IdentityEnhancedSessionWithKnownAppIssuer_OnBehalfOfNamesThePerson()
    {
        // Given the app's Lambda role assumed the session, which carries onBehalfOf (transfer-ug-webapp sample shape)
        var issue = Some.AssumeRole("ASIAAPP0000000000002", Acct, "WebAppRole", "app-session", Some.At(0), Caller.Role(Acct, "FnRole", "web-fn", "ASIAFN00000000000001", Some.At(-5)));
        var call = Some.RoleCall("ASIAAPP0000000000002", Acct, "WebAppRole", "app-session", Some.At(0)) with { OnBehalfOfUserId = RealSamples.IdcUserId };

        var row = Resolving.One(call, issue);

        Assert.Equal(RealSamples.IdcUserId, row.Identity);
        Assert.Equal(IdentityKinds.Human, row.IdentityKind);
        Assert.Equal("identity-center", row.IdentitySource);
        Assert.Equal("identity-center", row.Evidence);
    }

    [Fact]
    public void Resolve_SignInRecordNamingTheSessionItself_IsNotTakenAsItsIssuer()
    {
        // Given a ConsoleLogin-like record whose caller is the very session it names, next to the real SAML call
        var saml = Some.Saml("ASIAFED00000000000A1", Acct, "Console", "ann", Some.At(0, 20), "ann@example.com");
        var signIn = new CredentialEvent
        {
            EventId = "signin-1",
            EventTime = Some.At(0, 0),
            EventSource = "signin.amazonaws.com",
            EventName = "ConsoleLogin",
            AccountId = Acct,
            IssuedArn = Some.SessionArn(Acct, "Console", "ann"),
            IssuedPrincipalId = Some.RoleId(Acct, "Console") + ":ann",
            CallerType = "AssumedRole",
            CallerArn = Some.SessionArn(Acct, "Console", "ann"),
            CallerPrincipalId = Some.RoleId(Acct, "Console") + ":ann",
            SourceObject = "test",
        };
        var call = Some.RoleCall("ASIACONSOLE000000001", Acct, "Console", "ann", Some.At(0, 0));

        var row = Resolving.One(call, signIn, saml);

        Assert.Equal("ann@example.com", row.Identity);
        Assert.Equal("console-principal-time", row.Evidence);
    }

    [Fact]
    public void Resolve_AwsServiceCallingWithoutAKey_IsTheServiceItself()
    {
        // Given a call made by a service for itself: no key, session keyed on the service (SessionKeys)
        var call = Some.UserCall("unused", Acct, "x", Some.At(0)) with
        {
            PrincipalType = "AWSService",
            PrincipalArn = null,
            PrincipalId = null,
            UserName = null,
            AccessKeyId = null,
            InvokedBy = "bedrock.amazonaws.com",
            SessionKey = SessionKeys.For(null, null, null, "bedrock.amazonaws.com", "e1"),
        };

        var row = Resolving.One(call);

        Assert.Equal("service:bedrock.amazonaws.com", row.SessionKey);
        Assert.Equal("bedrock.amazonaws.com", row.Identity);
        Assert.Equal(IdentityKinds.Workload, row.IdentityKind);
        Assert.Equal("aws-service", row.IdentitySource);
        Assert.Equal(["bedrock.amazonaws.com"], row.Chain);
    }

    [Theory]
    [InlineData("{\"namespace\":\"ml\",\"serviceAccount\":\"scorer\"}")]
    [InlineData("ml/scorer")]
    [InlineData("system:serviceaccount:ml:scorer")]
    public void Resolve_EksAuthAssumeRoleForPodIdentity_NamesTheServiceAccountFromTheSubject(string subject)
    {
        var issue = Some.ServiceAssumeRole("ASIAPODID00000000001", Acct, "PodRole", "eks-prod-scorer-9z", Some.At(0), "pods.eks.amazonaws.com") with
        {
            EventSource = "eks-auth.amazonaws.com",
            EventName = "AssumeRoleForPodIdentity",
            FederationSubject = subject,
        };
        var call = Some.RoleCall("ASIAPODID00000000001", Acct, "PodRole", "eks-prod-scorer-9z", Some.At(0));

        var row = Resolving.One(call, issue);

        Assert.Equal("system:serviceaccount:ml:scorer", row.Identity);
        Assert.Equal("eks", row.IdentitySource);
    }

    [Fact]
    public void Resolve_WebIdentityWithoutProviderField_ClassifiesByTheCallersPrincipalId()
    {
        var issue = Some.WebIdentity("ASIAGOOGLE0000000001", Acct, "Fed", "g", Some.At(0), provider: null, "1098765432") with
        {
            CallerPrincipalId = "accounts.google.com:1234.apps.googleusercontent.com:1098765432",
        };
        var call = Some.RoleCall("ASIAGOOGLE0000000001", Acct, "Fed", "g", Some.At(0));

        var row = Resolving.One(call, issue);

        Assert.Equal("1098765432", row.Identity);
        Assert.Equal(IdentityKinds.Human, row.IdentityKind);
    }
}
