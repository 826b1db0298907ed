using BedrockTrail.TestSupport;

namespace BedrockTrail.Resolve.Tests.Support;

/// <summary>
/// Compares rendered text with a golden file under the test folder. On mismatch it writes
/// <c>&lt;name&gt;.received.txt</c> beside the golden file and fails; accept a change by renaming it.
/// </summary>
internal static class Golden
{
    public static void Verify(string relativePath, IEnumerable<string> lines)
    {
        var expectedPath = Path.Combine(RepoPaths.Root, "tests", "BedrockTrail.Resolve.Tests", relativePath);
        var received = string.Join("\n", lines) + "\n";
        var receivedPath = Path.ChangeExtension(expectedPath, ".received.txt");
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail($"{relativePath} differs from the rendered text; see {receivedPath}");
    }
}
