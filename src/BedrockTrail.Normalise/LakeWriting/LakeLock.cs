using BedrockTrail.Lake;

namespace BedrockTrail.Normalise.LakeWriting;

/// <summary>
/// One writer at a time per lake: an ingest's recovery removes pending files it does not own, so an import or a second
/// ingest running beside it would lose its half-written files. The OS releases the lock if the process dies.
/// </summary>
public static class LakeLock
{
    /// <exception cref="LakeBusyException">Another run holds the lake.</exception>
    public static FileStream Acquire(LakeLayout lake)
    {
        Directory.CreateDirectory(lake.Bookkeeping);
        try
        {
            return new FileStream(lake.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new LakeBusyException(lake.Root, e);
        }
    }
}
