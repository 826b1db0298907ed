namespace BedrockTrail.Normalise.LakeWriting.Parquet;

/// <summary>Where one column chunk landed in the file and how big it is: what the footer's ColumnMetaData records.</summary>
/// <param name="PageOffset">File offset of the chunk's first page header.</param>
/// <param name="UncompressedBytes">Page headers plus uncompressed page bodies.</param>
/// <param name="CompressedBytes">Page headers plus compressed page bodies.</param>
/// <param name="Values">Values in the chunk, nulls included.</param>
/// <param name="Nulls">Null values in the chunk.</param>
internal readonly record struct ColumnChunkInfo(long PageOffset, long UncompressedBytes, long CompressedBytes, long Values, long Nulls);
