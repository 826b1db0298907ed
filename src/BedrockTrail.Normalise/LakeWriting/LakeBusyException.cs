namespace BedrockTrail.Normalise.LakeWriting;

/// <summary>Another BedrockTrail run is writing to the same lake; two writers would corrupt its bookkeeping.</summary>
public sealed class LakeBusyException : Exception
{
    public LakeBusyException(string lakeRoot, Exception inner)
        : base($"Another bedrocktrail run is writing to the lake at {lakeRoot}. Wait for it to finish, or remove the stale lock file _bookkeeping/lake.lock if no run is active.", inner)
    {
        LakeRoot = lakeRoot;
    }

    public LakeBusyException()
    {
        LakeRoot = string.Empty;
    }

    public LakeBusyException(string message)
        : base(message)
    {
        LakeRoot = string.Empty;
    }

    public LakeBusyException(string message, Exception inner, string lakeRoot)
        : base(message, inner)
    {
        LakeRoot = lakeRoot;
    }

    public string LakeRoot { get; }
}
