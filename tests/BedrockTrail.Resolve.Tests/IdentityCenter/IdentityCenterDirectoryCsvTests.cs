using BedrockTrail.Resolve.IdentityCenter;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Resolve.Tests.IdentityCenter;

public sealed class IdentityCenterDirectoryCsvTests
{
    [Fact]
    public void Parse_HeaderQuotesAndBadLines_LoadsGoodRowsAndReportsTheRest()
    {
        // Given
        const string csv = """
            user_id,user_name
            976710cc5d-9d976f61-3b89-4b98-88db-2ea3bbc1f3fa,aidan.steele@glassechidna.com.au
            # comment
            "u-2","Doe, Jane"
            only-an-id
            ,no-id
            """;

        // When
        var load = IdentityCenterDirectoryCsv.Parse(new StringReader(csv));

        // Then
        Assert.Equal(2, load.Directory.Count);
        Assert.Equal("aidan.steele@glassechidna.com.au", load.Directory.UserName("976710cc5d-9d976f61-3b89-4b98-88db-2ea3bbc1f3fa"));
        Assert.Equal("Doe, Jane", load.Directory.UserName("u-2"));
        Assert.Equal(["line 5: expected user_id,user_name", "line 6: expected user_id,user_name"], load.Rejected);
    }

    [Fact]
    public void NameOrId_UnknownId_ReturnsTheId()
    {
        Assert.Equal("u-9", IdentityCenterDirectory.Empty.NameOrId("u-9"));
        Assert.Null(IdentityCenterDirectory.Empty.UserName(null));
    }

    [Fact]
    public async Task LoadAsync_File_ReadsIt()
    {
        using var folder = new TempFolder("idc");
        var path = folder.Sub("users.csv");
        await File.WriteAllTextAsync(path, "u-1,alice@example.com\n");

        var load = await IdentityCenterDirectoryCsv.LoadAsync(path, CancellationToken.None);

        Assert.Equal("alice@example.com", load.Directory.UserName("u-1"));
        Assert.Empty(load.Rejected);
    }
}
