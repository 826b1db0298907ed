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
                yield return new SourceObject(new Uri(fullPath).AbsoluteUri, key, size, null, layout);
            }
        }
    }

    // S3 orders keys by their bytes, so a folder sorts as its name plus '/': "a.json" < "a/" < "a0".
    private static IEnumerable<(string FullPath, string Key, long Size)> Walk(string folder, string keyPrefix, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = new List<(string SortKey, FileSystemInfo Info)>();
        foreach (var info in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            entries.Add((info is DirectoryInfo ? info.Name + "/" : info.Name, info));
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey));
        foreach (var (sortKey, info) in entries)
        {
            if (info is FileInfo file)
            {
                yield return (file.FullName, keyPrefix + sortKey, file.Length);
            }
            else
            {
                foreach (var item in Walk(info.FullName, keyPrefix + sortKey, cancellationToken))
                {
                    yield return item;
                }
            }
        }
    }
}
