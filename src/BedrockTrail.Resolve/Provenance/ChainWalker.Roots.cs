using BedrockTrail.Lake;

namespace BedrockTrail.Resolve.Provenance;

/// <summary>The ends of a walk when no issuing call links further: roots named by the session itself, or the cut.</summary>
internal sealed partial class ChainWalker
{
    private const string BedrockApiKeyUserPrefix = "BedrockAPIKey-";

    /// <summary>
    /// An IAM user (long-term key, or its GetSessionToken session, which acts as the user itself): the user ARN is
    /// the root. Bedrock long-term API keys act as an IAM user named BedrockAPIKey-*.
    /// (https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html)
    /// </summary>
    private ChainWalk IamUser(in PrincipalNode node)
    {
        var userArn = node.Arn;
        if (userArn is null && node.AccountId is not null && node.UserName is not null)
        {
            userArn = $"arn:aws:iam::{node.AccountId}:user/{node.UserName}";
        }

        userArn ??= node.Label;
        var name = Arns.Name(userArn) ?? node.UserName ?? string.Empty;
        var apiKey = name.StartsWith(BedrockApiKeyUserPrefix, StringComparison.Ordinal);
        var root = new RootIdentity(userArn, IdentityKinds.IamUser, apiKey ? IdentitySources.BedrockApiKey : IdentitySources.IamUser)
        {
            BedrockApiKey = apiKey,
        };
        return new ChainWalk(WalkOutcome.Root, root, Link(node with { Arn = userArn }, null, EvidenceWords.UserIdentity));
    }

    private static bool IsRootUser(in PrincipalNode node) => node.Type == "Root";

    private ChainWalk RootUser(in PrincipalNode node)
    {
        var account = node.AccountId ?? Arns.Account(node.Arn);
        if (account is null)
        {
            return Cut(node, null, EvidenceWords.MissingIssuer);
        }

        var rootArn = Arns.RootOf(account, node.Arn);
        return new ChainWalk(
            WalkOutcome.Root,
            new RootIdentity(rootArn, IdentityKinds.Root, IdentitySources.Root),
            Link(node with { Arn = node.Arn ?? rootArn }, null, EvidenceWords.UserIdentity));
    }

    /// <summary>
    /// The role owner's copy of a cross-account call names the caller only by account and principal id. Outside the
    /// ingested accounts that is the last known principal (external); inside, the caller's own copy is missing.
    /// </summary>
    private ChainWalk AccountOnly(in PrincipalNode node)
    {
        if (node.AccountId is null || !_ingested.Contains(node.AccountId))
        {
            return new ChainWalk(WalkOutcome.External, null, Link(node, null, EvidenceWords.MissingIssuer));
        }

        return Cut(node, null, EvidenceWords.MissingIssuer);
    }

    private ChainWalk WithoutIssuer(in PrincipalNode node)
    {
        if (IsRootUser(node))
        {
            // Root with no AssumeRoot found: the root user's own credentials.
            return RootUser(node);
        }

        if (node.Type == "FederatedUser" && Arns.IsIamUser(node.SessionIssuerArn))
        {
            // GetFederationToken sessions name the IAM user that minted them in sessionIssuer.
            var user = IamUser(new PrincipalNode { Type = "IAMUser", Arn = node.SessionIssuerArn, AccountId = Arns.Account(node.SessionIssuerArn) });
            return user with { Last = Link(node, null, EvidenceWords.UserIdentity, above: user.Last) };
        }

        if (IdentityCenter(node) is { } viaIdentityCenter)
        {
            return viaIdentityCenter;
        }

        if (node.Type == "AWSService" && string.IsNullOrEmpty(node.AccessKeyId) && node.InvokedBy is { } service)
        {
            return new ChainWalk(
                WalkOutcome.Root,
                new RootIdentity(service, IdentityKinds.Workload, IdentitySources.AwsService),
                Link(node with { Arn = null }, null, EvidenceWords.AwsService, label: service));
        }

        if (node.AccountId is not null && !_ingested.Contains(node.AccountId))
        {
            return new ChainWalk(WalkOutcome.External, null, Link(node, null, EvidenceWords.MissingIssuer));
        }

        return Cut(node, null, EvidenceWords.MissingIssuer);
    }

    /// <summary>
    /// Identity Center evidence without an issuing STS call: the IdentityCenterUser type and onBehalfOf name the user
    /// id; an AWSReservedSSO session corroborated by a GetRoleCredentials call carries the user name as session name.
    /// A reserved-role session with no corroboration stays unresolved: nothing is invented.
    /// </summary>
    private ChainWalk? IdentityCenter(in PrincipalNode node)
    {
        var reserved = IdentityCenterRoles.IsReservedRole(node.RoleArn);
        if (node.Type == "IdentityCenterUser" || !string.IsNullOrEmpty(node.OnBehalfOfUserId))
        {
            string? name = reserved ? node.SessionName : null;
            name ??= node.OnBehalfOfUserId is { } id ? _directory.NameOrId(id) : null;
            if (name is null)
            {
                return null;
            }

            var label = node.Type == "IdentityCenterUser" && node.Arn is null ? name : node.Label;
            return new ChainWalk(
                WalkOutcome.Root,
                new RootIdentity(name, IdentityKinds.Human, IdentitySources.IdentityCenter),
                Link(node, null, EvidenceWords.IdentityCenter, label: label));
        }

        if (!reserved || node.SessionName is null)
        {
            return null;
        }

        var credentials = _lookup.FindRoleCredentials(node);
        if (!credentials.Found && !credentials.Ambiguous)
        {
            return null;
        }

        return new ChainWalk(
            WalkOutcome.Root,
            new RootIdentity(node.SessionName, IdentityKinds.Human, IdentitySources.IdentityCenter),
            Link(node, credentials.Issuance, EvidenceWords.IdentityCenter));
    }
}
