namespace BedrockTrail.TestSupport.S3;

/// <summary>Finds s3rver's <c>bin/s3rver.js</c>: $BEDROCKTRAIL_S3RVER (the Makefile exports it), else the repo's .tools/.</summary>
public static class S3rverLocator
{
    public const string EnvironmentVariable = "BEDROCKTRAIL_S3RVER";

    public static string Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var inRepo = Path.Combine(RepoPaths.Root, ".tools", "node_modules", "s3rver", "bin", "s3rver.js");
        return File.Exists(inRepo)
            ? inRepo
            : throw new InvalidOperationException(
                $"s3rver is not installed: run 'make s3rver' (it installs into {inRepo}) or set {EnvironmentVariable} to its bin/s3rver.js.");
    }
}
