using System.Buffers;
using System.IO.Enumeration;
using BedrockTrail.Ingest.Layout;

namespace BedrockTrail.Ingest.Sources;

/// <summary>
/// Log objects in a local folder laid out as in S3 (<c>[prefix/]AWSLogs/...</c>), e.g. after <c>aws s3 sync</c>.
/// Listing walks the whole tree lazily, one folder at a time, in the same order S3 lists keys.
/// </summary>
public sealed class FolderLogSource : ILogSource
{
    private readonly string _root;

    public FolderLogSource(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    public string Description => _root;

    public IAsyncEnumerable<SourceObject> ListAsync(ListingFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!Directory.Exists(_root))
        {
            throw new LogSourceException(
                LogSourceFailure.FolderNotFound,
                $"The folder {_root} does not exist. Pass --source a folder holding AWSLogs/..., or s3://bucket[/prefix].");
        }

        return List(filter, cancellationToken).ToAsyncEnumerable();
    }

    public Task<Stream> OpenReadAsync(SourceObject obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        // The key is the path below the root (this source listed it); parsing the file URI back costs more.
        var path = Path.Join(_root, obj.Key.Replace('/', Path.DirectorySeparatorChar));
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LogSourceException(LogSourceFailure.ObjectNotFound, $"{path} was listed but is gone.", e);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private IEnumerable<SourceObject> List(ListingFilter filter, CancellationToken cancellationToken)
    {
        foreach (var (fullPath, key, size) in Walk(_root, string.Empty, cancellationToken))
        {
            // The full path is parsed, not the relative key, so a root that points inside AWSLogs/ still reads.
            var layout = LogObjectKey.Parse(fullPath.Replace(Path.DirectorySeparatorChar, '/'));
            if (filter.Includes(layout))
            {
                yield return new SourceObject(FileUri(fullPath), key, size, null, layout);
            }
        }
    }

    /// <summary>Characters a file URI keeps as they are; any other makes the path go through <see cref="Uri"/> to be escaped.</summary>
    private static readonly SearchValues<char> PlainPathChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/");

    /// <summary>
    /// The file URI of an absolute path, as <see cref="Uri.AbsoluteUri"/> gives it. A plain rooted path (a trail's
    /// keys are) becomes "file://" + path without building a <see cref="Uri"/>: tens of thousands of objects a run.
    /// </summary>
    internal static string FileUri(string fullPath) =>
        fullPath.StartsWith('/') && !fullPath.AsSpan().ContainsAnyExcept(PlainPathChars)
            ? "file://" + fullPath
            : new Uri(fullPath).AbsoluteUri;

    /// <summary>What DirectoryInfo's enumeration gives: dot files too, and an unreadable folder is an error, not skipped.</summary>
    private static readonly EnumerationOptions EveryEntry = new() { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };

    // S3 orders keys by their bytes, so a folder sorts as its name plus '/': "a.json" < "a/" < "a0".
    private static IEnumerable<(string FullPath, string Key, long Size)> Walk(string folder, string keyPrefix, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Name, kind and size straight from the enumeration: no FileInfo (and its path strings) per file.
        var entries = new FileSystemEnumerable<(string SortKey, bool IsFolder, long Size)>(
            folder,
            static (ref FileSystemEntry e) => e.IsDirectory ? (e.FileName.ToString() + "/", true, 0L) : (e.FileName.ToString(), false, e.Length),
            EveryEntry).ToList();
        entries.Sort((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey));
        foreach (var (sortKey, isFolder, size) in entries)
        {
            if (isFolder)
            {
                foreach (var item in Walk(Path.Join(folder, sortKey.AsSpan(0, sortKey.Length - 1)), keyPrefix + sortKey, cancellationToken))
                {
                    yield return item;
                }
            }
            else
            {
                yield return (Path.Join(folder, sortKey), keyPrefix + sortKey, size);
            }
        }
    }
}
