using BedrockTrail.Lake;
using BedrockTrail.Query;

namespace BedrockTrail.Cli.Commands;

/// <summary>Opens an existing lake for reading, with an error that says what to do when there is none.</summary>
internal static class LakeAccess
{
    public static LakeDatabase OpenExisting(string lakePath)
    {
        if (!Directory.Exists(lakePath))
        {
            throw new UsageException($"No lake at {lakePath}. Create one with: bedrocktrail ingest --source <dir|s3://bucket/prefix> --lake {lakePath}");
        }

        return LakeDatabase.Open(new LakeLayout(lakePath));
    }
}
