using System.Globalization;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using BedrockTrail.Ingest.Layout;
using BedrockTrail.Ingest.Retry;

namespace BedrockTrail.Ingest.Sources;

/// <summary>
/// Log objects in an S3 bucket. Listing never walks the whole bucket: it finds the <c>AWSLogs/</c> folders, then
/// organizations, accounts and regions level by level with Delimiter="/", and lists only the day folders a date
/// window needs (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html).
/// Pages are streamed; nothing holds more than one level's folder names.
/// </summary>
public sealed partial class S3LogSource : ILogSource
{
    // Up to this many days, day folders are listed directly; past it years and months are discovered first.
    private const int DirectDayLimit = 62;

    private readonly IAmazonS3 _client;
    private readonly bool _ownsClient;
    private readonly S3Location _location;
    private readonly ObjectRetryPolicy _retry;
    private readonly S3SourceOptions _options;
    private int _listRequests;

    public S3LogSource(IAmazonS3 client, S3SourceOptions options, ObjectRetryPolicy retry, bool ownsClient = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(retry);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1, nameof(options));
        _client = client;
        _options = options;
        _location = options.Location;
        _retry = retry;
        _ownsClient = ownsClient;
    }

    /// <summary>Builds the client from the options (credentials, region, endpoint) and owns it.</summary>
    public static S3LogSource Create(S3SourceOptions options, ObjectRetryPolicy retry) =>
        new(S3ClientFactory.Create(options), options, retry, ownsClient: true);

    public string Description => _location.ToString();

    /// <summary>List requests sent so far (retries not counted).</summary>
    internal int ListRequestCount => Volatile.Read(ref _listRequests);

    private string Endpoint => _options.EndpointUrl?.ToString() ?? "AWS S3";

    public async IAsyncEnumerable<SourceObject> ListAsync(ListingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (("/" + _location.Prefix).Contains("/" + LogObjectKeyParser.AwsLogs + "/", StringComparison.Ordinal))
        {
            // The prefix already points inside a log tree: list it flat and let the filter judge each key.
            await foreach (var obj in ListFlatAsync(_location.Prefix, filter, cancellationToken).ConfigureAwait(false))
            {
                yield return obj;
            }

            yield break;
        }

        await foreach (var root in FindAwsLogsRootsAsync(_location.Prefix, 0, cancellationToken).ConfigureAwait(false))
        {
            await foreach (var obj in ListRootAsync(root, filter, cancellationToken).ConfigureAwait(false))
            {
                yield return obj;
            }
        }
    }

    public async Task<Stream> OpenReadAsync(SourceObject obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        try
        {
            var response = await _client.GetObjectAsync(
                new GetObjectRequest { BucketName = _location.Bucket, Key = _location.Prefix + obj.Key },
                cancellationToken).ConfigureAwait(false);
            return response.ResponseStream;
        }
        catch (Exception e) when (S3FailureTranslator.ForObject(e, obj.Uri) is { } missing)
        {
            throw missing;
        }
        catch (Exception e) when (!TransientFaults.IsTransient(e, cancellationToken)
            && S3FailureTranslator.ForSource(e, _location, Endpoint) is { } fatal)
        {
            throw fatal;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private async IAsyncEnumerable<string> FindAwsLogsRootsAsync(string prefix, int depth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var children = await ChildFoldersAsync(prefix, cancellationToken).ConfigureAwait(false);
        var searchDeeper = depth < _options.MaxPrefixDepth && children.Count <= _options.MaxFanOutToSearch;
        foreach (var child in children)
        {
            if (LastSegment(child) == LogObjectKeyParser.AwsLogs)
            {
                yield return child;
            }
            else if (searchDeeper)
            {
                await foreach (var root in FindAwsLogsRootsAsync(child, depth + 1, cancellationToken).ConfigureAwait(false))
                {
                    yield return root;
                }
            }
        }
    }

    // AWSLogs/ holds accounts, and for organization trails o-ids that hold accounts. Digits sort before "o-", and
    // the folders are visited in listing order, so objects come out in key order.
    private async IAsyncEnumerable<SourceObject> ListRootAsync(string root, ListingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var child in await ChildFoldersAsync(root, cancellationToken).ConfigureAwait(false))
        {
            var name = LastSegment(child);
            IReadOnlyList<string> accounts = LogObjectKeyParser.IsOrganizationId(name)
                ? await ChildFoldersAsync(child, cancellationToken).ConfigureAwait(false)
                : [child];
            foreach (var account in accounts)
            {
                var id = LastSegment(account);
                if (!LogObjectKeyParser.IsAccountId(id) || !filter.IncludesAccount(id))
                {
                    continue;
                }

                await foreach (var obj in ListAccountAsync(account, filter, cancellationToken).ConfigureAwait(false))
                {
                    yield return obj;
                }
            }
        }
    }

    private async IAsyncEnumerable<SourceObject> ListAccountAsync(string account, ListingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Ordinal order: "BedrockModelInvocationLogs" < "CloudTrail".
        foreach (var service in (string[])[LogObjectKeyParser.InvocationLogs, LogObjectKeyParser.CloudTrail])
        {
            foreach (var region in await ChildFoldersAsync(account + service + "/", cancellationToken).ConfigureAwait(false))
            {
                var name = LastSegment(region);
                if (!LogObjectKeyParser.IsRegion(name) || !filter.IncludesRegion(name))
                {
                    continue;
                }

                await foreach (var obj in ListRegionAsync(region, filter, cancellationToken).ConfigureAwait(false))
                {
                    yield return obj;
                }
            }
        }
    }

    private async IAsyncEnumerable<SourceObject> ListRegionAsync(string region, ListingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IAsyncEnumerable<string> dayPrefixes;
        if (!filter.HasDateWindow)
        {
            dayPrefixes = AsyncOne(region);
        }
        else if (filter.FirstDeliveryDay is { } first && filter.LastDeliveryDay is { } last && last.DayNumber - first.DayNumber < DirectDayLimit)
        {
            dayPrefixes = DirectDays(region, first, last).ToAsyncEnumerable();
        }
        else
        {
            dayPrefixes = DiscoverDaysAsync(region, filter, cancellationToken);
        }

        await foreach (var prefix in dayPrefixes.ConfigureAwait(false))
        {
            await foreach (var obj in ListFlatAsync(prefix, filter, cancellationToken).ConfigureAwait(false))
            {
                yield return obj;
            }
        }
    }

    private static IEnumerable<string> DirectDays(string region, DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return region + day.ToString("yyyy/MM/dd/", CultureInfo.InvariantCulture);
        }
    }

    private async IAsyncEnumerable<string> DiscoverDaysAsync(string region, ListingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = filter.FirstDeliveryDay ?? DateOnly.MinValue;
        var last = filter.LastDeliveryDay ?? DateOnly.MaxValue;
        foreach (var year in await ChildFoldersAsync(region, cancellationToken).ConfigureAwait(false))
        {
            if (!TryNumber(year, out var y) || y < first.Year || y > last.Year)
            {
                continue;
            }

            foreach (var month in await ChildFoldersAsync(year, cancellationToken).ConfigureAwait(false))
            {
                if (!TryNumber(month, out var m) || m is < 1 or > 12
                    || new DateOnly(y, m, DateTime.DaysInMonth(y, m)) < first || new DateOnly(y, m, 1) > last)
                {
                    continue;
                }

                foreach (var day in await ChildFoldersAsync(month, cancellationToken).ConfigureAwait(false))
                {
                    if (TryNumber(day, out var d) && d >= 1 && d <= DateTime.DaysInMonth(y, m) && filter.IncludesDay(new DateOnly(y, m, d)))
                    {
                        yield return day;
                    }
                }
            }
        }
    }

    private static async IAsyncEnumerable<string> AsyncOne(string value)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield return value;
    }

    private static bool TryNumber(string folder, out int value) =>
        int.TryParse(LastSegment(folder), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    // "a/b/c/" -> "c"
    private static string LastSegment(string folder)
    {
        var trimmed = folder.AsSpan().TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..].ToString();
    }
}
