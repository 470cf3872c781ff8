using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Storage;

namespace Vigil.VulnDb.Update;

/// <summary>
/// Brings the database up to date from an OSV mirror, per ecosystem: incrementally from <c>modified_id.csv</c> when the
/// source was imported before from the same mirror (only records modified after the stored watermark are fetched), else
/// by a conditional download of <c>all.zip</c> (ETag / If-Modified-Since, so an unchanged archive costs one request).
/// Each ecosystem is imported in its own transaction; a failure leaves that ecosystem's previous data and is reported.
/// </summary>
public sealed partial class OsvUpdater
{
    private readonly IAdvisoryStore _store;
    private readonly IOsvMirror _mirror;
    private readonly ILogger _logger;

    /// <summary>Creates an updater filling <paramref name="store"/> from <paramref name="mirror"/>.</summary>
    public OsvUpdater(IAdvisoryStore store, IOsvMirror mirror, ILogger<OsvUpdater>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(mirror);
        _store = store;
        _mirror = mirror;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Creates the mirror for a base address: <c>file://</c> is a directory, anything else HTTP(S).</summary>
    /// <exception cref="ArgumentException">The address is neither an absolute http(s) nor a file URL.</exception>
    public static IOsvMirror CreateMirror(string baseAddress, IHttpClientFactory httpClientFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseAddress);
        if (!Uri.TryCreate(baseAddress, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file"))
        {
            throw new ArgumentException($"'{baseAddress}' is not an http(s):// or file:// address.", nameof(baseAddress));
        }

        return uri.IsFile ? new FileOsvMirror(uri.LocalPath) : new HttpOsvMirror(httpClientFactory, uri);
    }

    /// <summary>The source key of an ecosystem in the store.</summary>
    public static string SourceKey(string ecosystem) => "osv:" + ecosystem;

    /// <summary>Updates every ecosystem of <paramref name="options"/>.</summary>
    public async Task<IReadOnlyList<SourceUpdateResult>> UpdateAsync(OsvUpdateOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<SourceUpdateResult>();
        foreach (var ecosystem in options.Ecosystems.Distinct(StringComparer.Ordinal))
        {
            try
            {
                results.Add(await UpdateEcosystemAsync(ecosystem, options, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or TimeoutException or UnauthorizedAccessException)
            {
                LogFailed(_logger, e, ecosystem);
                results.Add(new SourceUpdateResult(ecosystem, UpdateKind.Failed) { Message = e.Message });
            }
        }

        return results;
    }

    private async Task<SourceUpdateResult> UpdateEcosystemAsync(string ecosystem, OsvUpdateOptions options, CancellationToken cancellationToken)
    {
        var source = SourceKey(ecosystem);
        var state = await _store.GetSourceStateAsync(source, cancellationToken).ConfigureAwait(false);
        var sameMirror = state?.Location is { } location && location.StartsWith(_mirror.Location, StringComparison.Ordinal);
        var modified = await ReadModifiedListAsync(ecosystem, cancellationToken).ConfigureAwait(false);
        var watermark = modified is { Count: > 0 } ? modified.Max(m => m.Modified) : (DateTimeOffset?)null;

        if (sameMirror && state!.Watermark is { } since && modified is not null)
        {
            var changed = modified.Where(m => m.Modified > since).Select(m => m.Id).Distinct(StringComparer.Ordinal).ToList();
            if (changed.Count == 0)
            {
                return new SourceUpdateResult(ecosystem, UpdateKind.NotModified);
            }

            if (changed.Count <= options.MaxIncrementalRecords)
            {
                var request = new ImportRequest(source, ImportMode.Merge) { Location = state.Location, State = state with { Watermark = watermark } };
                var import = await _store.ImportAsync(request, FetchRecordsAsync(ecosystem, changed, cancellationToken), cancellationToken).ConfigureAwait(false);
                return new SourceUpdateResult(ecosystem, UpdateKind.Incremental) { Import = import };
            }
        }

        var archivePath = $"{ecosystem}/all.zip";
        var response = await _mirror.GetAsync(archivePath, sameMirror ? state!.ETag : null, sameMirror ? state!.LastModified : null, cancellationToken).ConfigureAwait(false);
        await using (response.ConfigureAwait(false))
        {
            switch (response.Status)
            {
                case MirrorStatus.NotModified:
                    return new SourceUpdateResult(ecosystem, UpdateKind.NotModified);
                case MirrorStatus.NotFound:
                    return new SourceUpdateResult(ecosystem, UpdateKind.Failed) { Message = $"no archive at {_mirror.Location}/{archivePath}" };
            }

            var newState = new SourceState(source) { ETag = response.ETag, LastModified = response.LastModified, Watermark = watermark };
            var request = new ImportRequest(source, ImportMode.Replace) { Location = $"{_mirror.Location}/{archivePath}", State = newState };
            var documents = OsvDocumentReader.ReadZipAsync(response.Content!, $"{_mirror.Location}/{archivePath}", cancellationToken);
            var import = await _store.ImportAsync(request, documents, cancellationToken).ConfigureAwait(false);
            return new SourceUpdateResult(ecosystem, UpdateKind.Full) { Import = import };
        }
    }

    private async Task<IReadOnlyList<(DateTimeOffset Modified, string Id)>?> ReadModifiedListAsync(string ecosystem, CancellationToken cancellationToken)
    {
        var response = await _mirror.GetAsync($"{ecosystem}/modified_id.csv", null, null, cancellationToken).ConfigureAwait(false);
        await using (response.ConfigureAwait(false))
        {
            if (response.Status != MirrorStatus.Ok)
            {
                return null;
            }

            using var reader = new StreamReader(response.Content!, Encoding.UTF8);
            return await ModifiedIdList.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<OsvDocument> FetchRecordsAsync(string ecosystem, IReadOnlyList<string> ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            var path = $"{ecosystem}/{id}.json";
            var response = await _mirror.GetAsync(path, null, null, cancellationToken).ConfigureAwait(false);
            await using (response.ConfigureAwait(false))
            {
                if (response.Status != MirrorStatus.Ok)
                {
                    // Listed but gone (deleted since): nothing to import.
                    LogRecordMissing(_logger, path);
                    continue;
                }

                var content = await OsvDocumentReader.ReadBoundedAsync(response.Content!, cancellationToken).ConfigureAwait(false);
                if (content is not null)
                {
                    yield return new OsvDocument($"{_mirror.Location}/{path}", content);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating {Ecosystem} failed; its previous data is kept")]
    private static partial void LogFailed(ILogger logger, Exception exception, string ecosystem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Record {Path} is listed as modified but not present")]
    private static partial void LogRecordMissing(ILogger logger, string path);
}
