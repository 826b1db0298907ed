using System.Text.Json;
using System.Text.RegularExpressions;
using BedrockTrail.Synthetic.Tests.Support;
using BedrockTrail.TestSupport;

namespace BedrockTrail.Synthetic.Tests.Output;

public sealed partial class TrailLayoutTests : IClassFixture<SmallCorpus>
{
    private readonly SmallCorpus _corpus;

    public TrailLayoutTests(SmallCorpus corpus)
    {
        _corpus = corpus;
    }

    [Fact]
    public void Generate_OrgTrail_EveryKeyFollowsTheRealLayout()
    {
        // Given the keys of every file written, truth.json aside
        var keys = CorpusFiles.Keys(_corpus.Root).Where(k => k != "truth.json").ToList();

        // Then each is a log, a digest, an invocation log or the permission-check object
        var unknown = keys.Where(k => !LogKey().IsMatch(k) && !DigestKey().IsMatch(k) && !InvocationKey().IsMatch(k) && !PermissionCheck().IsMatch(k)).ToList();
        Assert.Empty(unknown);
        Assert.Contains(keys, k => LogKey().IsMatch(k));
        Assert.Contains(keys, k => DigestKey().IsMatch(k));
        Assert.Contains(keys, k => InvocationKey().IsMatch(k));
        Assert.True(File.Exists(Path.Combine(_corpus.Root, "truth.json")));
    }

    [Fact]
    public void Generate_LogFiles_AreGzippedRecordsEnvelopes()
    {
        foreach (var key in CorpusFiles.Keys(_corpus.Root).Where(k => LogKey().IsMatch(k)))
        {
            using var doc = CorpusFiles.ReadJson(Path.Combine(_corpus.Root, key));
            Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
            Assert.Single(doc.RootElement.EnumerateObject());
            Assert.True(doc.RootElement.GetProperty("Records").GetArrayLength() > 0, key);
        }
    }

    [Fact]
    public void Generate_DigestFiles_ListLogFilesAndHaveNoRecords()
    {
        var digests = CorpusFiles.Keys(_corpus.Root).Where(k => DigestKey().IsMatch(k)).ToList();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in digests)
        {
            using var doc = CorpusFiles.ReadJson(Path.Combine(_corpus.Root, key));
            Assert.False(doc.RootElement.TryGetProperty("Records", out _));
            foreach (var file in doc.RootElement.GetProperty("logFiles").EnumerateArray())
            {
                listed.Add(file.GetProperty("s3Object").GetString()!);
            }
        }

        Assert.Equal(CorpusFiles.Keys(_corpus.Root).Where(k => LogKey().IsMatch(k)).ToHashSet(StringComparer.Ordinal), listed);
        Assert.Equal(_corpus.Truth.Totals.DigestFiles, digests.Count);
    }

    [Fact]
    public void Generate_LogFile_DateFolderAndNameMatchTheAccountAndRegion()
    {
        foreach (var (key, record) in _corpus.Records.Take(500))
        {
            var m = LogKey().Match(key);
            Assert.Equal(m.Groups["acct"].Value, record.Str("recipientAccountId"));
            Assert.Equal(m.Groups["acct"].Value, m.Groups["acct2"].Value);
            Assert.Equal(m.Groups["region"].Value, m.Groups["region2"].Value);
            Assert.Equal(m.Groups["region"].Value, record.Str("awsRegion"));
            Assert.Equal(m.Groups["y"].Value + m.Groups["mo"].Value + m.Groups["d"].Value, m.Groups["stamp"].Value[..8]);
        }
    }

    [Fact]
    public void Generate_WithoutOrgId_UsesThePerAccountLayout()
    {
        using var folder = new TempFolder("non-org");

        CorpusGenerator.Generate(new CorpusOptions { Seed = 5, EventCount = 400, Days = 1, AccountCount = 2, OrgId = null, Scenarios = CorpusScenarios.Saml }, folder.Path);

        var logs = CorpusFiles.Keys(folder.Path).Where(k => k.Contains("/CloudTrail/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(logs);
        Assert.All(logs, k => Assert.Matches(@"^AWSLogs/\d{12}/CloudTrail/", k));
    }

    [GeneratedRegex(@"^AWSLogs/o-[a-z0-9]+/(?<acct>\d{12})/CloudTrail/(?<region>[a-z0-9-]+)/(?<y>\d{4})/(?<mo>\d{2})/(?<d>\d{2})/(?<acct2>\d{12})_CloudTrail_(?<region2>[a-z0-9-]+)_(?<stamp>\d{8}T\d{4}Z)_[A-Za-z0-9]{16}\.json\.gz$")]
    private static partial Regex LogKey();

    [GeneratedRegex(@"^AWSLogs/o-[a-z0-9]+/\d{12}/CloudTrail-Digest/[a-z0-9-]+/\d{4}/\d{2}/\d{2}/\d{12}_CloudTrail-Digest_[a-z0-9-]+_org-trail_[a-z0-9-]+_\d{8}T\d{6}Z\.json\.gz$")]
    private static partial Regex DigestKey();

    [GeneratedRegex(@"^AWSLogs/\d{12}/BedrockModelInvocationLogs/[a-z0-9-]+/\d{4}/\d{2}/\d{2}/\d{2}/\d{8}T\d{9}Z_[0-9a-f]{16}\.json\.gz$")]
    private static partial Regex InvocationKey();

    [GeneratedRegex(@"^AWSLogs/\d{12}/BedrockModelInvocationLogs/amazon-bedrock-logs-permission-check$")]
    private static partial Regex PermissionCheck();
}
