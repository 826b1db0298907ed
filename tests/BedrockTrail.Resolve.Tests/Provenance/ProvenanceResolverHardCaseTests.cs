using BedrockTrail.Lake;
using BedrockTrail.Resolve.Provenance;
using BedrockTrail.Resolve.Tests.Support;

namespace BedrockTrail.Resolve.Tests.Provenance;

public sealed class ProvenanceResolverHardCaseTests
{
    private const string Dev = "111111111111";
    private const string Prod = "222222222222";
    private const string Outside = "999999999999";

    [Fact]
    public void Resolve_RoleChainAcrossAccounts_FollowsEveryKeyToTheIamUser()
    {
        // Given alice (AKIA) -> Dev/Hop (ASIA1) -> Prod/BedrockInvoker (ASIA2) which calls Bedrock
        var e1 = Some.AssumeRole("ASIA0000000000000001", Dev, "Hop", "alice", Some.At(0), Caller.IamUser(Dev, "alice", "AKIA0000000000000ALI"));
        var e2 = Some.AssumeRole("ASIA0000000000000002", Prod, "BedrockInvoker", "alice", Some.At(1), Caller.Role(Dev, "Hop", "alice", "ASIA0000000000000001", Some.At(0)));
        var call = Some.RoleCall("ASIA0000000000000002", Prod, "BedrockInvoker", "alice", Some.At(1));

        // When
        var row = Resolving.One(call, e2, e1);

        // Then
        Assert.Equal("arn:aws:iam::111111111111:user/alice", row.Identity);
        Assert.Equal(IdentityKinds.IamUser, row.IdentityKind);
        Assert.Equal("iam-user", row.IdentitySource);
        Assert.Equal(ResolutionStatuses.Resolved, row.Status);
        Assert.Equal(
            ["arn:aws:iam::111111111111:user/alice", Some.SessionArn(Dev, "Hop", "alice"), Some.SessionArn(Prod, "BedrockInvoker", "alice")],
            row.Chain);
        Assert.Equal(2, row.Hops);
        Assert.Equal("access-key; access-key", row.Evidence);
        Assert.Equal([Dev, Prod], row.ChainAccounts);
        Assert.False(row.LongTermCredential);
    }

    [Fact]
    public void Resolve_SameRoleSameSessionNameMinutesApart_OnlyTheKeyTellsThemApart()
    {
        // Given alice and bob both assume Prod/Shared as "cli-session", three minutes apart
        var alice = Some.AssumeRole("ASIAALICE00000000001", Prod, "Shared", "cli-session", Some.At(0), Caller.IamUser(Prod, "alice", "AKIAALICE0000000000A"));
        var bob = Some.AssumeRole("ASIABOB0000000000001", Prod, "Shared", "cli-session", Some.At(3), Caller.IamUser(Prod, "bob", "AKIABOB00000000000B"));
        var aliceCall = Some.RoleCall("ASIAALICE00000000001", Prod, "Shared", "cli-session", Some.At(0), Some.At(5));
        var bobCall = Some.RoleCall("ASIABOB0000000000001", Prod, "Shared", "cli-session", Some.At(3), Some.At(4));

        // When
        var results = Resolving.All([aliceCall, bobCall], [bob, alice]);

        // Then
        Assert.Equal("arn:aws:iam::222222222222:user/alice", Resolving.Row(results, "ASIAALICE00000000001").Identity);
        Assert.Equal("arn:aws:iam::222222222222:user/bob", Resolving.Row(results, "ASIABOB0000000000001").Identity);
    }

    [Fact]
    public void Resolve_SameSessionNameWithinToleranceButUnknownKey_NeverBorrowsTheOtherPersonsIssuer()
    {
        // Given bob's AssumeRole is in the window; carol's session (same role and name, 60 s apart) has no issuer
        var bob = Some.AssumeRole("ASIABOB0000000000001", Prod, "Shared", "cli-session", Some.At(0, 30), Caller.IamUser(Prod, "bob", "AKIABOB00000000000B"));
        var bobCall = Some.RoleCall("ASIABOB0000000000001", Prod, "Shared", "cli-session", Some.At(0, 30));
        var carolCall = Some.RoleCall("ASIACAROL00000000001", Prod, "Shared", "cli-session", Some.At(1, 30));

        // When
        var carol = Resolving.Row(Resolving.All([bobCall, carolCall], [bob]), "ASIACAROL00000000001");

        // Then bob's call is claimed by bob's key, so carol stays unresolved instead of becoming bob
        Assert.Equal(IdentityKinds.Unresolved, carol.IdentityKind);
        Assert.Equal(Some.RoleArn(Prod, "Shared"), carol.Identity);
        Assert.Equal(ResolutionStatuses.Unresolved, carol.Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Resolve_CrossAccountCopiesInBothTrails_MergesAndCountsTheLinkOnce(bool ownerCopyFirst)
    {
        // Given the caller's copy (full IAMUser) and the role owner's copy (AWSAccount only), as in
        // fixtures/samples/awsdocs/iam-ug-cloudtrail-integration-02/03 (same requestID and sharedEventID)
        var callerCopy = Some.AssumeRole("ASIAXACCT0000000001", Prod, "EC2-dev", "JohnDoe-EC2-dev", Some.At(0), Caller.IamUser(Dev, "JohnDoe", "AKIAQRSTUVWXYZEXAMPLE"), recipient: Dev, sharedEventId: "bEXAMPLE-efea-4a70-b951-19a88EXAMPLE");
        var ownerCopy = Some.AssumeRole("ASIAXACCT0000000001", Prod, "EC2-dev", "JohnDoe-EC2-dev", Some.At(0), Caller.Account(Dev, "AIDAJOHNDOE"), recipient: Prod, sharedEventId: "bEXAMPLE-efea-4a70-b951-19a88EXAMPLE");
        var call = Some.RoleCall("ASIAXACCT0000000001", Prod, "EC2-dev", "JohnDoe-EC2-dev", Some.At(0));
        CredentialEvent[] events = ownerCopyFirst ? [ownerCopy, callerCopy] : [callerCopy, ownerCopy];

        // When
        var row = Resolving.One(call, events);

        // Then
        Assert.Equal("arn:aws:iam::111111111111:user/JohnDoe", row.Identity);
        Assert.Equal(ResolutionStatuses.Resolved, row.Status);
        Assert.Equal(1, row.Hops);
        Assert.Equal("shared-event", row.Evidence);
    }

    [Fact]
    public void Resolve_CallerAccountNotIngested_ExternalNamedByAccountAndPrincipalId()
    {
        // Given only the role owner's copy: the caller account has no trail here
        var ownerCopy = Some.AssumeRole("ASIAEXT000000000001", Prod, "Partner", "p1", Some.At(0), Caller.Account(Outside, "AIDAQRSTUVWXYZEXAMPLE"), sharedEventId: "s-ext");
        var call = Some.RoleCall("ASIAEXT000000000001", Prod, "Partner", "p1", Some.At(0));

        // When
        var row = Resolving.One(call, ownerCopy);

        // Then
        Assert.Equal("999999999999:AIDAQRSTUVWXYZEXAMPLE", row.Identity);
        Assert.Equal(IdentityKinds.External, row.IdentityKind);
        Assert.Equal("external", row.IdentitySource);
        Assert.Equal(ResolutionStatuses.Partial, row.Status);
        Assert.Equal(["999999999999:AIDAQRSTUVWXYZEXAMPLE", Some.SessionArn(Prod, "Partner", "p1")], row.Chain);
        Assert.Equal("access-key", row.Evidence);
    }

    [Fact]
    public void Resolve_CallerSessionFromAccountOutsideExplicitSet_ExternalNamedByItsArn()
    {
        // Given the caller copy names a role session in an account the caller says was not ingested
        var callerSession = Caller.Role(Outside, "Ops", "eve", "ASIAOUTSIDE00000001", Some.At(-10));
        var issue = Some.AssumeRole("ASIAIN00000000000001", Prod, "Invoker", "eve", Some.At(0), callerSession);
        var call = Some.RoleCall("ASIAIN00000000000001", Prod, "Invoker", "eve", Some.At(0));
        var options = new ResolverOptions { IngestedAccounts = new HashSet<string> { Prod } };

        // When
        var row = Resolving.Row(Resolving.All([call], [issue], options), call.SessionKey);

        // Then
        Assert.Equal(Some.SessionArn(Outside, "Ops", "eve"), row.Identity);
        Assert.Equal(IdentityKinds.External, row.IdentityKind);
        Assert.Equal(ResolutionStatuses.Partial, row.Status);
        Assert.Equal(1, row.Hops);
    }

    [Fact]
    public void Resolve_SessionIssuedBeforeTheWindow_UnresolvedNamingTheRole()
    {
        // Given a session with no issuing event at all
        var call = Some.RoleCall("ASIAOLD0000000000001", Prod, "Batch", "nightly", Some.At(-600));

        // When
        var row = Resolving.One(call);

        // Then
        Assert.Equal(Some.RoleArn(Prod, "Batch"), row.Identity);
        Assert.Equal(IdentityKinds.Unresolved, row.IdentityKind);
        Assert.Null(row.IdentitySource);
        Assert.Equal(ResolutionStatuses.Unresolved, row.Status);
        Assert.Equal([Some.RoleArn(Prod, "Batch"), Some.SessionArn(Prod, "Batch", "nightly")], row.Chain);
        Assert.Equal("missing-issuer", row.Evidence);
    }

    [Fact]
    public void Resolve_ChainCutAfterOneKnownHop_PartialNamingTheTopmostRole()
    {
        // Given Prod/Invoker was assumed by a Dev/Hop session whose own issuer is not in the window
        var issue = Some.AssumeRole("ASIACUT0000000000002", Prod, "Invoker", "x", Some.At(0), Caller.Role(Dev, "Hop", "x", "ASIACUT0000000000001", Some.At(-300)));
        var call = Some.RoleCall("ASIACUT0000000000002", Prod, "Invoker", "x", Some.At(0));
        var devActivity = Some.AssumeRole("ASIAUNRELATED0000001", Dev, "Other", "y", Some.At(0), Caller.IamUser(Dev, "y", "AKIAY000000000000000"));

        // When
        var row = Resolving.One(call, issue, devActivity);

        // Then
        Assert.Equal(Some.RoleArn(Dev, "Hop"), row.Identity);
        Assert.Equal(IdentityKinds.Unresolved, row.IdentityKind);
        Assert.Equal(ResolutionStatuses.Partial, row.Status);
        Assert.Equal([Some.RoleArn(Dev, "Hop"), Some.SessionArn(Dev, "Hop", "x"), Some.SessionArn(Prod, "Invoker", "x")], row.Chain);
        Assert.Equal("missing-issuer; access-key", row.Evidence);
    }

    [Fact]
    public void Resolve_CutChainCarryingSourceIdentity_NamesThePersonAsPartial()
    {
        // Given the hop above carries sourceIdentity "jdoe" and its own issuer is missing
        var issue = Some.AssumeRole("ASIASRC0000000000002", Prod, "Invoker", "s", Some.At(0), Caller.Role(Dev, "Hop", "s", "ASIASRC0000000000001", Some.At(-300), sourceIdentity: "jdoe"), sourceIdentity: "jdoe");
        var call = Some.RoleCall("ASIASRC0000000000002", Prod, "Invoker", "s", Some.At(0), sourceIdentity: "jdoe");
        var devActivity = Some.AssumeRole("ASIAUNRELATED0000002", Dev, "Other", "y", Some.At(0), Caller.IamUser(Dev, "y", "AKIAY000000000000000"));

        // When
        var row = Resolving.One(call, issue, devActivity);

        // Then
        Assert.Equal("jdoe", row.Identity);
        Assert.Equal(IdentityKinds.Human, row.IdentityKind);
        Assert.Equal("source-identity", row.IdentitySource);
        Assert.Equal(ResolutionStatuses.Partial, row.Status);
        Assert.Equal(["jdoe", Some.SessionArn(Dev, "Hop", "s"), Some.SessionArn(Prod, "Invoker", "s")], row.Chain);
        Assert.Equal("source-identity; access-key", row.Evidence);
    }

    [Fact]
    public void Resolve_FullChainWithSourceIdentity_RootWinsAndSourceIdentityIsKept()
    {
        var issue = Some.AssumeRole("ASIASRC0000000000009", Prod, "Invoker", "s", Some.At(0), Caller.IamUser(Prod, "alice", "AKIAALICE0000000000A"), sourceIdentity: "alice-si");
        var call = Some.RoleCall("ASIASRC0000000000009", Prod, "Invoker", "s", Some.At(0), sourceIdentity: "alice-si");

        var row = Resolving.One(call, issue);

        Assert.Equal("arn:aws:iam::222222222222:user/alice", row.Identity);
        Assert.Equal(ResolutionStatuses.Resolved, row.Status);
        Assert.Equal("alice-si", row.SourceIdentity);
    }

    [Fact]
    public void Resolve_TwoCandidateIssuersEquallyClose_SaysAmbiguousAndPicksNone()
    {
        // Given two console federations of the same role and session name, 30 s either side of creationDate,
        // neither returning the key the session uses
        var before = Some.Saml("ASIAFED00000000000A1", Prod, "Console", "shared-name", Some.At(0, 0), "ann@example.com");
        var after = Some.Saml("ASIAFED00000000000B1", Prod, "Console", "shared-name", Some.At(1, 0), "ben@example.com");
        var call = Some.RoleCall("ASIACONSOLE000000001", Prod, "Console", "shared-name", Some.At(0, 30));

        // When
        var row = Resolving.One(call, before, after);

        // Then
        Assert.Equal(IdentityKinds.Unresolved, row.IdentityKind);
        Assert.Equal(Some.RoleArn(Prod, "Console"), row.Identity);
        Assert.Equal(ResolutionStatuses.Partial, row.Status);
        Assert.Equal("ambiguous(2 candidates)", row.Evidence);
    }

    [Fact]
    public void Resolve_ConsoleFederationClosestCandidate_LinksByPrincipalAndTimeAsWeakerEvidence()
    {
        var near = Some.Saml("ASIAFED00000000000A1", Prod, "Console", "ann", Some.At(0, 10), "ann@example.com");
        var far = Some.Saml("ASIAFED00000000000B1", Prod, "Console", "ann", Some.At(1, 40), "ann@example.com");
        var call = Some.RoleCall("ASIACONSOLE000000001", Prod, "Console", "ann", Some.At(0, 0));

        var row = Resolving.One(call, near, far);

        Assert.Equal("ann@example.com", row.Identity);
        Assert.Equal(ResolutionStatuses.Resolved, row.Status);
        Assert.Equal("console-principal-time", row.Evidence);
    }

    [Fact]
    public void Resolve_LeakedLongTermKeyFromUnknownIp_ResolvesToTheOwningIamUser()
    {
        // Given an attacker calls Bedrock with alice's AKIA key from an address she never used
        var call = Some.UserCall("AKIAALICE0000000000A", Prod, "alice", Some.At(0)) with { SourceIp = "185.220.101.1" };

        // When
        var row = Resolving.One(call);

        // Then
        Assert.Equal("arn:aws:iam::222222222222:user/alice", row.Identity);
        Assert.Equal(IdentityKinds.IamUser, row.IdentityKind);
        Assert.Equal("iam-user", row.IdentitySource);
        Assert.Equal(ResolutionStatuses.Resolved, row.Status);
        Assert.Equal(["arn:aws:iam::222222222222:user/alice"], row.Chain);
        Assert.Equal(0, row.Hops);
        Assert.Equal("user-identity", row.Evidence);
        Assert.True(row.LongTermCredential);
        Assert.False(row.BedrockApiKey);
    }

    [Fact]
    public void Resolve_KeysIssuingEachOtherInACycle_Terminates()
    {
        // Given A was issued by B and B by A (corrupt or crafted data)
        var a = Some.AssumeRole("ASIACYCLE00000000A", Prod, "RoleA", "a", Some.At(1), Caller.Role(Prod, "RoleB", "b", "ASIACYCLE00000000B", Some.At(0)));
        var b = Some.AssumeRole("ASIACYCLE00000000B", Prod, "RoleB", "b", Some.At(0), Caller.Role(Prod, "RoleA", "a", "ASIACYCLE00000000A", Some.At(1)));
        var call = Some.RoleCall("ASIACYCLE00000000A", Prod, "RoleA", "a", Some.At(1));

        // When
        var row = Resolving.One(call, a, b);

        // Then it ends as a cut chain instead of looping
        Assert.Equal(IdentityKinds.Unresolved, row.IdentityKind);
        Assert.Equal(ResolutionStatuses.Partial, row.Status);
        Assert.StartsWith("missing-issuer", row.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AbsurdlyDeepChain_StopsAtMaxDepth()
    {
        // Given a chain of 300 role hops from an IAM user
        var events = new List<CredentialEvent> { Some.AssumeRole("ASIADEEP000000000000", Prod, "R", "s0", Some.At(0), Caller.IamUser(Prod, "deep", "AKIADEEP00000000000")) };
        for (var i = 1; i < 300; i++)
        {
            events.Add(Some.AssumeRole($"ASIADEEP{i:D12}", Prod, "R", $"s{i}", Some.At(0, i), Caller.Role(Prod, "R", $"s{i - 1}", $"ASIADEEP{i - 1:D12}", Some.At(0, i - 1))));
        }

        var call = Some.RoleCall("ASIADEEP000000000299", Prod, "R", "s299", Some.At(0, 299));

        // When
        var row = Resolving.Row(Resolving.All([call], events, new ResolverOptions { MaxDepth = 64 }), call.SessionKey);

        // Then
        Assert.Equal(ResolutionStatuses.Partial, row.Status);
        Assert.Equal(66, row.Chain.Count);
    }

    [Fact]
    public void Resolve_FailedAssumeRoleWithKey_NeverIssues()
    {
        var failed = Some.AssumeRole("ASIAFAILED000000001", Prod, "R", "s", Some.At(0), Caller.IamUser(Prod, "mallory", "AKIAMALLORY00000000")) with { ErrorCode = "AccessDenied" };
        var call = Some.RoleCall("ASIAFAILED000000001", Prod, "R", "s", Some.At(0));

        var row = Resolving.One(call, failed);

        Assert.Equal(ResolutionStatuses.Unresolved, row.Status);
        Assert.Equal(Some.RoleArn(Prod, "R"), row.Identity);
    }

    [Fact]
    public void Resolve_DuplicateEventIds_CountOnce()
    {
        var issue = Some.AssumeRole("ASIADUP0000000000001", Prod, "R", "s", Some.At(0), Caller.IamUser(Prod, "alice", "AKIAALICE0000000000A"));
        var call = Some.RoleCall("ASIADUP0000000000001", Prod, "R", "s", Some.At(0));

        var row = Resolving.One(call, issue, issue, issue with { SourceObject = "another-file" });

        Assert.Equal("arn:aws:iam::222222222222:user/alice", row.Identity);
        Assert.Equal("access-key", row.Evidence);
    }

    [Fact]
    public void Resolve_TwoIssuancesClaimingOneKey_AmbiguousNotPicked()
    {
        var one = Some.AssumeRole("ASIATWICE0000000001", Prod, "R", "s", Some.At(0), Caller.IamUser(Prod, "alice", "AKIAALICE0000000000A"));
        var two = Some.AssumeRole("ASIATWICE0000000001", Prod, "R", "s", Some.At(5), Caller.IamUser(Prod, "bob", "AKIABOB00000000000B"));
        var call = Some.RoleCall("ASIATWICE0000000001", Prod, "R", "s", Some.At(0));

        var row = Resolving.One(call, one, two);

        Assert.Equal(IdentityKinds.Unresolved, row.IdentityKind);
        Assert.Equal(ResolutionStatuses.Partial, row.Status);
        Assert.Equal("ambiguous(2 candidates)", row.Evidence);
    }

    [Fact]
    public void Resolve_OnlyOwnerCopyButCallerAccountIngested_CutNamingTheSessionsRole()
    {
        // Given the caller account (Dev) is ingested, yet its copy of the cross-account call is missing
        var ownerCopy = Some.AssumeRole("ASIAOWNERONLY000001", Prod, "Invoker", "z", Some.At(0), Caller.Account(Dev, "AROADEVHOP:z"), sharedEventId: "s-owner");
        var devActivity = Some.AssumeRole("ASIAUNRELATED0000003", Dev, "Other", "y", Some.At(0), Caller.IamUser(Dev, "y", "AKIAY000000000000000"));
        var call = Some.RoleCall("ASIAOWNERONLY000001", Prod, "Invoker", "z", Some.At(0));

        var row = Resolving.One(call, ownerCopy, devActivity);

        Assert.Equal(Some.RoleArn(Prod, "Invoker"), row.Identity);
        Assert.Equal(IdentityKinds.Unresolved, row.IdentityKind);
        Assert.Equal(ResolutionStatuses.Partial, row.Status);
        Assert.Equal([Some.RoleArn(Prod, "Invoker"), "111111111111:AROADEVHOP:z", Some.SessionArn(Prod, "Invoker", "z")], row.Chain);
        Assert.Equal("missing-issuer; access-key", row.Evidence);
    }

    [Fact]
    public void Resolve_SessionReassumingItsOwnRoleUnderTheSameName_IsNotMistakenForASignInRecord()
    {
        // Given Prod/Ops "deploy" assumes Prod/Ops "deploy" again (same ARN and principal id, new key)
        var first = Some.AssumeRole("ASIASELF000000000001", Prod, "Ops", "deploy", Some.At(0), Caller.IamUser(Prod, "ci", "AKIACI00000000000000"));
        var again = Some.AssumeRole("ASIASELF000000000002", Prod, "Ops", "deploy", Some.At(1), Caller.Role(Prod, "Ops", "deploy", "ASIASELF000000000001", Some.At(0)));
        var call = Some.RoleCall("ASIASELF000000000002", Prod, "Ops", "deploy", Some.At(1));

        var row = Resolving.One(call, first, again);

        Assert.Equal("arn:aws:iam::222222222222:user/ci", row.Identity);
        Assert.Equal(2, row.Hops);
    }
}
