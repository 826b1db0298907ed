using BedrockTrail.Lake;
using BedrockTrail.Lake.Schema;

namespace BedrockTrail.Normalise.LakeWriting;

/// <summary>
/// Writes a whole Parquet file under a pending name and renames it into place, so a reader or a killed run never
/// sees half a file.
/// </summary>
internal static class LakeFiles
{
    public static async Task WriteAtomicallyAsync<TRow>(
        string path,
        LakeTable<TRow> table,
        IReadOnlyList<TRow> rows,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var pending = path + LakeLayout.PendingSuffix;
        await using (var stream = new FileStream(pending, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await ParquetTableFile.WriteAsync(table, rows, stream, ParquetTableFile.DefaultRowGroupSize, cancellationToken).ConfigureAwait(false);
        }

        File.Move(pending, path, overwrite: true);
    }

    /// <summary>The committed data files of a table folder (pending files excluded), in name order.</summary>
    public static IReadOnlyList<string> DataFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var files = Directory.GetFiles(folder, "*" + LakeLayout.DataFileExtension, SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}
