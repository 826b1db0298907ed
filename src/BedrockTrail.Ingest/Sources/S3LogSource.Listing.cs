using System.Runtime.CompilerServices;
using Amazon.S3.Model;
using BedrockTrail.Ingest.Layout;

namespace BedrockTrail.Ingest.Sources;

/// <summary>The paging aspect: one list request at a time, each retried, failures translated.</summary>
public sealed partial class S3LogSource
{
    private async IAsyncEnumerable<SourceObject> ListFlatAsync(string prefix, ListingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in ListPagesAsync(prefix, delimiter: null, cancellationToken).ConfigureAwait(false))
        {
            // SDK v4 leaves collections null (not empty) when a page has none.
            foreach (var item in page.S3Objects ?? [])
            {
                if (item?.Key is not { Length: > 0 } key)
                {
                    continue;
                }

                var layout = LogObjectKey.Parse(key);
                if (!filter.Includes(layout))
                {
                    continue;
                }

                var relative = key.StartsWith(_location.Prefix, StringComparison.Ordinal) ? key[_location.Prefix.Length..] : key;
                yield return new SourceObject(_location.UriFor(key), relative, item.Size ?? 0, item.ETag?.Trim('"'), layout);
            }
        }
    }

    /// <summary>The sub-folders (common prefixes) directly under a folder, in key order.</summary>
    private async Task<IReadOnlyList<string>> ChildFoldersAsync(string prefix, CancellationToken cancellationToken)
    {
        var folders = new List<string>();
        await foreach (var page in ListPagesAsync(prefix, "/", cancellationToken).ConfigureAwait(false))
        {
            foreach (var folder in page.CommonPrefixes ?? [])
            {
                if (!string.IsNullOrEmpty(folder))
                {
                    folders.Add(folder);
                }
            }
        }

        folders.Sort(StringComparer.Ordinal);
        return folders;
    }

    private async IAsyncEnumerable<ListObjectsV2Response> ListPagesAsync(string prefix, string? delimiter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var request = new ListObjectsV2Request
            {
                BucketName = _location.Bucket,
                Prefix = prefix,
                Delimiter = delimiter,
                ContinuationToken = token,
                MaxKeys = _options.PageSize,
            };
            var page = await ListPageAsync(request, cancellationToken).ConfigureAwait(false);
            yield return page;
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (!string.IsNullOrEmpty(token));
    }

    private async Task<ListObjectsV2Response> ListPageAsync(ListObjectsV2Request request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listRequests);
        try
        {
            return await _retry.ExecuteAsync(
                async ct => await _client.ListObjectsV2Async(request, ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
            && S3FailureTranslator.ForSource(e, _location, Endpoint) is { } fatal)
        {
            throw fatal;
        }
    }
}
