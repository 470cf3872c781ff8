using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Vigil.Core;
using Vigil.Oci.Auth;
using Vigil.Oci.Manifests;
using Vigil.Oci.Sources;

namespace Vigil.Oci.Registry;

/// <summary>
/// A client of one registry's OCI Distribution API: manifests, blobs, existence checks, deletes and same-registry copies
/// by blob mount. Handles the Bearer token flow (from <c>WWW-Authenticate</c>) and Basic auth; follows redirects itself so
/// that credentials never leave the registry host; retries 429/5xx (see <see cref="OciOptions.MaxAttempts"/>).
/// </summary>
/// <remarks>Made by <see cref="RegistryClientFactory"/>. Thread-safe; caches tokens per scope. Never logs credentials or tokens.</remarks>
public sealed partial class RegistryClient
{
    private const int MaxRedirects = 5;
    private const int MaxErrorBodyBytes = 64 * 1024;

    private readonly HttpClient http;
    private readonly OciOptions options;
    private readonly RegistryCredential? credential;
    private readonly ILogger logger;
    private readonly TokenCache tokens;
    private volatile bool useBasic;

    internal RegistryClient(string registry, Uri baseUri, HttpClient http, OciOptions options, RegistryCredential? credential, TimeProvider timeProvider, ILogger logger)
    {
        Registry = registry;
        Endpoint = EndpointOf(registry);
        BaseUri = baseUri;
        this.http = http;
        this.options = options;
        this.credential = credential;
        this.logger = logger;
        tokens = new TokenCache(timeProvider);
    }

    /// <summary>The registry name (<c>docker.io</c>, <c>localhost:5000</c>).</summary>
    public string Registry { get; }

    /// <summary>The host called (<c>registry-1.docker.io</c> for Docker Hub).</summary>
    public string Endpoint { get; }

    /// <summary>The API base: <c>https://host/</c>, or <c>http://host/</c> for an insecure registry that does not speak TLS.</summary>
    public Uri BaseUri { get; }

    /// <summary>The host a registry name is reached at (<c>registry-1.docker.io</c> for <c>docker.io</c>).</summary>
    internal static string EndpointOf(string registry) =>
        registry == Core.Images.ImageReference.DockerHub ? Core.Images.ImageReference.DockerHubEndpoint : registry;

    /// <summary>Calls <c>/v2/</c>, authenticating when challenged; throws <see cref="RegistryException"/> when the API is not usable.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "v2/", [], null, null, cancellationToken);
        await EnsureSuccessAsync(response, null, "the API root /v2/", cancellationToken);
    }

    /// <summary>Fetches a manifest or index by tag or digest, capped at <see cref="OciOptions.MaxManifestBytes"/> and verified.</summary>
    /// <param name="repository">The repository (<c>library/nginx</c>).</param>
    /// <param name="reference">A tag or a digest.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ManifestResponse> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"v2/{repository}/manifests/{reference}", [PullScope(repository)], MediaTypes.ManifestAccept, null, cancellationToken);
        var subject = $"{Registry}/{repository}:{reference}";
        await EnsureSuccessAsync(response, repository, $"manifest '{reference}'", cancellationToken);
        if (response.Content.Headers.ContentLength > options.MaxManifestBytes)
        {
            throw new ManifestException($"The manifest of {subject} is {response.Content.Headers.ContentLength} bytes, over the {options.MaxManifestBytes}-byte limit.");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var content = await BlobReader.ReadCappedAsync(body, options.MaxManifestBytes, $"manifest of {subject}", cancellationToken);
        var digest = VerifyManifestDigest(content, reference, response, subject);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        return new ManifestResponse(digest, mediaType, content);
    }

    /// <summary>Whether a manifest exists (HEAD), for waiting on a push; false on 404, throws on other errors.</summary>
    public async Task<bool> ManifestExistsAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Head, $"v2/{repository}/manifests/{reference}", [PullScope(repository)], MediaTypes.ManifestAccept, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, repository, $"manifest '{reference}'", cancellationToken);
        return true;
    }

    /// <summary>
    /// The digest a tag (or digest) points to now, from a HEAD's <c>Docker-Content-Digest</c> (a GET when the registry
    /// does not send it); null on 404. Pins a tag before a scan whose result may delete it.
    /// </summary>
    public async Task<Digest?> GetManifestDigestAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        using (var response = await SendAsync(HttpMethod.Head, $"v2/{repository}/manifests/{reference}", [PullScope(repository)], MediaTypes.ManifestAccept, null, cancellationToken))
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            await EnsureSuccessAsync(response, repository, $"manifest '{reference}'", cancellationToken);
            if (response.Headers.TryGetValues("Docker-Content-Digest", out var values) && Digest.TryParse(values.FirstOrDefault(), out var digest))
            {
                return digest;
            }
        }

        return (await GetManifestAsync(repository, reference, cancellationToken)).Digest;
    }

    /// <summary>Deletes a manifest by digest (the registry must allow deletes).</summary>
    public async Task DeleteManifestAsync(string repository, Digest digest, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"v2/{repository}/manifests/{digest}", [$"repository:{repository}:delete"], null, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.MethodNotAllowed)
        {
            throw Error(RegistryErrorKind.Unsupported, repository, response.StatusCode,
                $"{Registry} does not allow deleting manifests (storage delete is disabled); {repository}@{digest} was kept.");
        }

        await EnsureSuccessAsync(response, repository, $"manifest '{digest}'", cancellationToken);
        logger.LogInformation("Deleted {Registry}/{Repository}@{Digest}", Registry, repository, digest);
    }

    /// <summary>Opens a blob, following a redirect to blob storage without credentials. The stream is not verified.</summary>
    public async Task<Stream> OpenBlobAsync(string repository, Digest digest, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.Get, $"v2/{repository}/blobs/{digest}", [PullScope(repository)], null, null, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, repository, $"blob {digest}", cancellationToken);
            return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Copies the manifest <paramref name="digest"/> of <paramref name="fromRepository"/> to <paramref name="toRepository"/>
    /// as <paramref name="tag"/> in the same registry: every blob is mounted (<c>POST …/blobs/uploads/?mount=&amp;from=</c>),
    /// never uploaded again; indexes are copied with their platform manifests.
    /// </summary>
    /// <returns>The digest now tagged (the same as <paramref name="digest"/>).</returns>
    public async Task<Digest> CopyManifestAsync(string fromRepository, Digest digest, string toRepository, string tag, CancellationToken cancellationToken = default)
    {
        await CopyAsync(fromRepository, digest, toRepository, tag, cancellationToken);
        logger.LogInformation("Copied {Registry}/{From}@{Digest} to {To}:{Tag} by blob mount", Registry, fromRepository, digest, toRepository, tag);
        return digest;
    }

    private async Task CopyAsync(string from, Digest digest, string to, string reference, CancellationToken cancellationToken)
    {
        var manifest = await GetManifestAsync(from, digest.ToString(), cancellationToken);
        var document = ManifestParser.Parse(manifest.Content.Span, manifest.MediaType, $"{Registry}/{from}@{digest}");
        if (document is ImageIndex index)
        {
            foreach (var child in index.Manifests)
            {
                await CopyAsync(from, child.Digest, to, child.Digest.ToString(), cancellationToken);
            }
        }
        else if (document is ImageManifest image)
        {
            foreach (var blob in image.Layers.Prepend(image.Config))
            {
                await MountBlobAsync(from, to, blob.Digest, cancellationToken);
            }
        }

        var mediaType = string.IsNullOrEmpty(manifest.MediaType) ? MediaTypes.OciManifest : manifest.MediaType;
        using var response = await SendAsync(HttpMethod.Put, $"v2/{to}/manifests/{reference}", PushScopes(from, to), null,
            () => new ByteArrayContent(manifest.Content.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } }, cancellationToken);
        await EnsureSuccessAsync(response, to, $"manifest '{reference}' (push)", cancellationToken);
    }

    private async Task MountBlobAsync(string from, string to, Digest digest, CancellationToken cancellationToken)
    {
        var path = $"v2/{to}/blobs/uploads/?mount={Uri.EscapeDataString(digest.ToString())}&from={Uri.EscapeDataString(from)}";
        using var response = await SendAsync(HttpMethod.Post, path, PushScopes(from, to), null, () => new ByteArrayContent([]), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return;
        }

        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            // The registry opened an upload instead of mounting: cancel it; copies never re-upload.
            if (response.Headers.Location is { } upload)
            {
                using var cancel = await SendAsync(HttpMethod.Delete, new Uri(BaseUri, upload).PathAndQuery.TrimStart('/'), PushScopes(from, to), null, null, cancellationToken);
            }

            throw Error(RegistryErrorKind.Unsupported, to, response.StatusCode,
                $"{Registry} refused to mount blob {digest} from '{from}' into '{to}' (it would need a re-upload, which copies never do).");
        }

        await EnsureSuccessAsync(response, to, $"blob {digest} (mount from '{from}')", cancellationToken);
    }

    private static string PullScope(string repository) => $"repository:{repository}:pull";

    private static string[] PushScopes(string from, string to) => from == to
        ? [$"repository:{to}:pull,push"]
        : [$"repository:{to}:pull,push", PullScope(from)];

    private static Digest VerifyManifestDigest(byte[] content, string reference, HttpResponseMessage response, string subject)
    {
        var expected = Digest.TryParse(reference, out var pinned) ? pinned
            : response.Headers.TryGetValues("Docker-Content-Digest", out var values) && Digest.TryParse(values.FirstOrDefault(), out var declared) ? declared
            : (Digest?)null;
        var actual = expected is { Algorithm: "sha512" }
            ? Digest.FromHash("sha512", System.Security.Cryptography.SHA512.HashData(content))
            : Digest.Sha256(content);
        if (expected is { } e && e != actual)
        {
            throw new Streams.DigestMismatchException($"The manifest of {subject} does not match its digest: expected {e}, got {actual}.");
        }

        return actual;
    }

    private RegistryException Error(RegistryErrorKind kind, string? repository, HttpStatusCode? status, string message, Exception? inner = null) =>
        new(kind, Registry, repository, status, message, inner);

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string? repository, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await ReadErrorDetailAsync(response, cancellationToken);
        var where = repository is null ? Registry : $"repository '{repository}' on {Registry}";
        var who = credential is null ? "anonymous access" : $"user '{credential.Username}'";
        var status = response.StatusCode;
        throw status switch
        {
            HttpStatusCode.Unauthorized => Error(RegistryErrorKind.Unauthorized, repository, status, credential is null
                ? $"Authentication required for {where} ({what}, HTTP 401): no credentials are configured for {Registry} (docker config.json or an imagePullSecret).{detail}"
                : $"The credentials of user '{credential.Username}' were rejected by {Registry} for {where} ({what}, HTTP 401).{detail}"),
            HttpStatusCode.Forbidden => Error(RegistryErrorKind.Forbidden, repository, status,
                $"Access denied to {where} for {who}: not allowed to read {what}.{detail}"),
            HttpStatusCode.NotFound => Error(RegistryErrorKind.NotFound, repository, status,
                $"Not found on {Registry}: {what} in repository '{repository}'.{detail}"),
            HttpStatusCode.TooManyRequests => Error(RegistryErrorKind.TooManyRequests, repository, status,
                $"{Registry} is still rate limiting requests for {what} after {options.MaxAttempts} attempts (HTTP 429).{detail}"),
            _ when (int)status >= 500 => Error(RegistryErrorKind.Unavailable, repository, status,
                $"{Registry} failed {options.MaxAttempts} times for {what} in {where} (HTTP {(int)status}).{detail}"),
            _ => Error(RegistryErrorKind.Protocol, repository, status,
                $"{Registry} answered HTTP {(int)status} for {what} in {where}.{detail}"),
        };
    }

    private static async Task<string> ReadErrorDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorBodyBytes];
            var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            using var document = System.Text.Json.JsonDocument.Parse(buffer.AsMemory(0, read));
            var errors = document.RootElement.GetProperty("errors").EnumerateArray()
                .Select(e => $"{ManifestParser.GetString(e, "code")}: {ManifestParser.GetString(e, "message")}")
                .ToList();
            return errors.Count == 0 ? string.Empty : $" Registry says: {string.Join("; ", errors)}.";
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException or IOException or HttpRequestException)
        {
            return string.Empty;
        }
    }

    private static string BasicValue(RegistryCredential credential) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Password}"));
}
