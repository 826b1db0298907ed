namespace BedrockTrail.TestSupport;

/// <summary>Finds the repository's folders from wherever the test runner starts.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Fixtures => Path.Combine(Root, "fixtures");

    public static string Samples => Path.Combine(Fixtures, "samples");

    public static string Queries => Path.Combine(Root, "queries");

    /// <summary>Reads a sample file as text, e.g. <c>Sample("flaws2-cloud", "ListBuckets-level3-ecs-task-session.jq.json")</c>.</summary>
    public static string Sample(params string[] parts) => File.ReadAllText(Path.Combine([Samples, .. parts]));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BedrockTrail.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find BedrockTrail.sln above " + AppContext.BaseDirectory);
    }
}
