using System.Net;
using System.Net.Http.Headers;

namespace Vigil.VulnDb.Update;

/// <summary>A mirror over HTTP(S), such as the public OSV bucket; uses <c>If-None-Match</c> and <c>If-Modified-Since</c>.</summary>
public sealed class HttpOsvMirror : IOsvMirror
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client used.</summary>
    public const string HttpClientName = "osv";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly Uri _base;

    /// <summary>Creates a mirror at <paramref name="baseAddress"/>.</summary>
    public HttpOsvMirror(IHttpClientFactory httpClientFactory, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(baseAddress);
        _httpClientFactory = httpClientFactory;
        _base = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
    }

    /// <inheritdoc/>
    public string Location => _base.AbsoluteUri.TrimEnd('/');

    /// <inheritdoc/>
    public async Task<MirrorResponse> GetAsync(string relativePath, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var escaped = string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, escaped));
        if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (lastModified is not null && DateTimeOffset.TryParse(lastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }

        var client = _httpClientFactory.CreateClient(HttpClientName);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotModified:
                    return new MirrorResponse(MirrorStatus.NotModified) { ETag = etag, LastModified = lastModified };
                case HttpStatusCode.NotFound or HttpStatusCode.Forbidden:
                    // The bucket answers 403 for missing objects when listing is not allowed.
                    return new MirrorResponse(MirrorStatus.NotFound);
            }

            response.EnsureSuccessStatusCode();

            // Buffer to a temporary file: archives are large, and the import must not hold a connection open for minutes.
            var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                await response.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                file.Position = 0;
            }
            catch
            {
                await file.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            return new MirrorResponse(MirrorStatus.Ok)
            {
                Content = file,
                ETag = response.Headers.ETag?.ToString(),
                LastModified = response.Content.Headers.LastModified?.ToString("R"),
            };
        }
    }
}
