using Xunit;

namespace BedrockTrail.TestSupport.Golden;

/// <summary>
/// Compares rendered text with a golden file kept in the repository (the Verify packages are not available here).
/// On a mismatch or a missing golden file the actual text is written beside it as <c>&lt;name&gt;.received.txt</c>
/// and the test fails; to accept it, review the received file and copy it over the golden one.
/// </summary>
public static class GoldenFile
{
    /// <param name="actual">The text the test produced.</param>
    /// <param name="relativePath">The golden file's path from the repository root, e.g. <c>tests/X.Tests/Golden/a.md</c>.</param>
    public static void AssertMatches(string actual, string relativePath)
    {
        var path = Path.Combine(RepoPaths.Root, relativePath);
        var received = path + ".received.txt";
        var normalised = actual.ReplaceLineEndings("\n");
        if (File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == normalised)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, normalised);
        Assert.Fail(File.Exists(path)
            ? $"{relativePath} differs from the output; the output is in {received}. Diff them, and copy it over the golden file if the change is right."
            : $"{relativePath} does not exist yet; the output is in {received}. Review it and rename it to create the golden file.");
    }
}
