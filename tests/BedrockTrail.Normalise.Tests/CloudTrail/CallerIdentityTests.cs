using System.Text.Json;
using BedrockTrail.Normalise.CloudTrail;

namespace BedrockTrail.Normalise.Tests.CloudTrail;

public sealed class CallerIdentityTests
{
    [Theory]
    [InlineData("AssumedRole", "arn:aws:sts::1:assumed-role/Role/alice@example.com", "AROA:other", "alice@example.com")]
    [InlineData("AssumedRole", null, "AROAX:i-0123456789abcdef0", "i-0123456789abcdef0")]
    [InlineData("FederatedUser", "arn:aws:sts::742491224508:federated-user/stratus_red_team", "742491224508:stratus_red_team", "stratus_red_team")]
    [InlineData("IAMUser", "arn:aws:iam::1:user/bob", "AIDAX", null)]
    [InlineData("AWSAccount", null, "SAMPLE_PRINCIPAL_ID:lambda-name", null)]
    [InlineData(null, null, null, null)]
    public void SessionNameOf_PrincipalShapes_GiveTheCallerChosenName(string? type, string? arn, string? principalId, string? expected)
    {
        Assert.Equal(expected, CallerIdentity.SessionNameOf(type, arn, principalId));
    }

    [Fact]
    public void From_WrongTypesEverywhere_ReadsNullsNotExceptions()
    {
        using var document = JsonDocument.Parse("""
            {"type":7,"arn":["x"],"accessKeyId":"","sessionContext":"oops","onBehalfOf":{"userId":null},
             "inScopeOf":{"issuerType":"AWS::Lambda::Function","credentialsIssuedTo":"arn:aws:lambda:us-east-1:1:function:f"}}
            """);

        var caller = CallerIdentity.From(document.RootElement);

        Assert.Equal("7", caller.Type);
        Assert.Null(caller.Arn);
        Assert.Null(caller.AccessKeyId);
        Assert.Null(caller.SessionIssuerArn);
        Assert.Null(caller.OnBehalfOfUserId);
        Assert.Null(caller.MfaAuthenticated);
        Assert.Equal("AWS::Lambda::Function arn:aws:lambda:us-east-1:1:function:f", caller.InScopeOf);
    }
}
