namespace BedrockTrail.Normalise.LakeWriting;

/// <summary>A table writer whose buffered rows count towards one session-wide memory bound.</summary>
internal interface IBufferedTable
{
    int BufferedRows { get; }

    int LargestPartitionRows { get; }

    /// <summary>Writes the partition holding the most buffered rows as a part file.</summary>
    Task FlushLargestAsync(CancellationToken cancellationToken);

    /// <summary>Waits for a part file still being written in the background.</summary>
    Task DrainAsync();
}
