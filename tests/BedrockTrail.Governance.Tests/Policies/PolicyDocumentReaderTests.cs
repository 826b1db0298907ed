using System.Net;
using System.Text.Json;
using BedrockTrail.Governance.Policies;

namespace BedrockTrail.Governance.Tests.Policies;

public sealed class PolicyDocumentReaderTests
{
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Sid":"Claude","Effect":"Allow","Action":["bedrock:InvokeModel"],"Resource":"arn:aws:bedrock:*::foundation-model/anthropic.*","Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}},{"Effect":"Deny","NotAction":"bedrock:List*","NotResource":["*"]}]}""";

    [Fact]
    public void Read_JsonObjectAndUrlEncodedString_GiveTheSameStatements()
    {
        // Given the same policy as the CLI prints it and as the raw API returns it
        using var asObject = JsonDocument.Parse(Policy);
        using var asString = JsonDocument.Parse(JsonSerializer.Serialize(WebUtility.UrlEncode(Policy)));

        // When both are read
        var fromObject = PolicyDocumentReader.Read(asObject.RootElement);
        var fromString = PolicyDocumentReader.Read(asString.RootElement);

        // Then both give the same two statements
        Assert.Empty(fromObject.Problems);
        Assert.Equal(Describe(fromObject), Describe(fromString));
        Assert.Equal(
            ["Claude Allow Action[bedrock:InvokeModel] Resource[arn:aws:bedrock:*::foundation-model/anthropic.*] condition", "#1 Deny NotAction[bedrock:List*] NotResource[*]"],
            Describe(fromObject));
    }

    [Fact]
    public void Read_SingleStatementObjectAndStringAction_IsAccepted()
    {
        using var json = JsonDocument.Parse("""{"Statement":{"Effect":"Allow","Action":"bedrock:*","Resource":"*"}}""");

        var read = PolicyDocumentReader.Read(json.RootElement);

        Assert.Equal(["#0 Allow Action[bedrock:*] Resource[*]"], Describe(read));
    }

    [Theory]
    [InlineData("\"%7B%22Statement%22%3A\"", "policy document is not JSON after URL-decoding")]
    [InlineData("42", "policy document is a Number, not an object or URL-encoded string")]
    [InlineData("""{"Version":"2012-10-17"}""", "policy has no Statement")]
    public void Read_UnreadablePolicy_IsAProblemNotAnException(string document, string expected)
    {
        using var json = JsonDocument.Parse(document);

        var read = PolicyDocumentReader.Read(json.RootElement);

        Assert.Empty(read.Statements);
        Assert.StartsWith(expected, Assert.Single(read.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OneBadStatement_KeepsTheOthers()
    {
        using var json = JsonDocument.Parse("""{"Statement":[{"Effect":"Allow","Resource":"*"},{"Effect":"Perhaps","Action":"*","Resource":"*"},{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"*"}]}""");

        var read = PolicyDocumentReader.Read(json.RootElement);

        Assert.Equal(["#2 Allow Action[bedrock:InvokeModel] Resource[*]"], Describe(read));
        Assert.Equal(["statement #0 has neither Action nor NotAction", "statement #1 has Effect 'Perhaps', neither Allow nor Deny"], read.Problems);
    }

    private static string[] Describe(PolicyRead read) => read.Statements
        .Select(s => $"{s.Label} {s.Effect} {(s.IsNotAction ? "NotAction" : "Action")}[{string.Join(",", s.Actions)}] {(s.IsNotResource ? "NotResource" : "Resource")}[{string.Join(",", s.Resources)}]{(s.HasCondition ? " condition" : string.Empty)}")
        .ToArray();
}
