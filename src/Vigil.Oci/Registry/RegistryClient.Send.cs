using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Vigil.Oci.Auth;

namespace Vigil.Oci.Registry;

/// <summary>Sending: authentication (Bearer tokens, Basic) and redirects handled here, never by the HTTP handler.</summary>
public sealed partial class RegistryClient
{
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        IReadOnlyCollection<string> scopes,
        string? accept,
        Func<HttpContent>? content,
        CancellationToken cancellationToken)
    {
        var uri = new Uri(BaseUri, path);
        var scopeKey = TokenCache.Key(scopes);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri) { Content = content?.Invoke() };
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            request.Headers.Authorization = Authorization(scopeKey);
            logger.LogDebug("{Method} {Uri}", method, uri.GetLeftPart(UriPartial.Path));
            var response = await SendOnceAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0)
            {
                return await FollowRedirectsAsync(response, method, accept, cancellationToken);
            }

            var challenge = AuthChallenge.From(response.Headers);
            if (challenge is null || !await AuthenticateAsync(challenge, scopes, scopeKey, cancellationToken))
            {
                return response;
            }

            response.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw Error(RegistryErrorKind.Unavailable, null, null, $"{Registry} cannot be reached at {request.RequestUri?.GetLeftPart(UriPartial.Authority)}: {ex.Message}", ex);
        }
    }

    private AuthenticationHeaderValue? Authorization(string scopeKey)
    {
        if (tokens.Get(scopeKey) is { } token)
        {
            return new AuthenticationHeaderValue("Bearer", token);
        }

        return useBasic && credential is not null ? new AuthenticationHeaderValue("Basic", BasicValue(credential)) : null;
    }

    /// <summary>
    /// Redirects (to blob storage, a CDN) are followed without any Authorization header: credentials and tokens are for the
    /// registry host only. HTTPS never downgrades to HTTP.
    /// </summary>
    private async Task<HttpResponseMessage> FollowRedirectsAsync(HttpResponseMessage response, HttpMethod method, string? accept, CancellationToken cancellationToken)
    {
        for (var hops = 0; IsRedirect(response.StatusCode) && response.Headers.Location is { } location; hops++)
        {
            var target = location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
            response.Dispose();
            if (hops >= MaxRedirects)
            {
                throw Error(RegistryErrorKind.Protocol, null, null, $"{Registry} redirected more than {MaxRedirects} times.");
            }

            if (target.Scheme != Uri.UriSchemeHttps && (BaseUri.Scheme == Uri.UriSchemeHttps || target.Scheme != Uri.UriSchemeHttp))
            {
                throw Error(RegistryErrorKind.Protocol, null, null, $"{Registry} redirected to a non-HTTPS location ({target.Scheme}://{target.Host}); refused.");
            }

            using var request = new HttpRequestMessage(method == HttpMethod.Head ? HttpMethod.Head : HttpMethod.Get, target);
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            logger.LogDebug("Following redirect to {Host}{Path} without credentials", target.Authority, target.AbsolutePath);
            response = await SendOnceAsync(request, cancellationToken);
        }

        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private async Task<bool> AuthenticateAsync(AuthChallenge challenge, IReadOnlyCollection<string> scopes, string scopeKey, CancellationToken cancellationToken)
    {
        if (challenge.IsBasic)
        {
            if (credential is null || useBasic)
            {
                return false;
            }

            useBasic = true;
            return true;
        }

        if (!challenge.IsBearer || challenge.Realm is null || !Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm))
        {
            throw Error(RegistryErrorKind.Protocol, null, HttpStatusCode.Unauthorized, $"{Registry} sent an authentication challenge without a usable realm.");
        }

        var requested = scopes.Concat((challenge.Scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
        var query = new List<string>();
        if (challenge.Service is { } service)
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        query.AddRange(requested.Select(s => "scope=" + Uri.EscapeDataString(s)));
        var tokenUri = new UriBuilder(realm) { Query = string.Join('&', query) }.Uri;
        using var request = new HttpRequestMessage(HttpMethod.Get, tokenUri);
        if (credential is not null && MaySendCredentialsTo(realm))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicValue(credential));
        }

        logger.LogDebug("Requesting a token from {Realm} for {Scopes}", realm.GetLeftPart(UriPartial.Path), string.Join(' ', requested));
        using var response = await SendOnceAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var who = credential is null ? "anonymous access" : $"user '{credential.Username}'";
            throw Error(response.StatusCode == HttpStatusCode.Unauthorized ? RegistryErrorKind.Unauthorized : RegistryErrorKind.Forbidden, null, response.StatusCode,
                $"The token service of {Registry} ({realm.Authority}) refused {who} for {string.Join(' ', requested)}.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw Error(RegistryErrorKind.Protocol, null, response.StatusCode, $"The token service of {Registry} ({realm.Authority}) answered HTTP {(int)response.StatusCode}.");
        }

        var (token, lifetime) = await ReadTokenAsync(response, cancellationToken);
        tokens.Set(scopeKey, token, lifetime);
        return true;
    }

    /// <summary>Credentials go to the token realm only over HTTPS, or to the registry's own (loopback or insecure) host.</summary>
    private bool MaySendCredentialsTo(Uri realm)
    {
        if (realm.Scheme == Uri.UriSchemeHttps || string.Equals(realm.Authority, BaseUri.Authority, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        logger.LogWarning("Not sending credentials for {Registry} to the plain-HTTP token realm {Host}", Registry, realm.Authority);
        return false;
    }

    private async Task<(string Token, TimeSpan Lifetime)> ReadTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var json = await Sources.BlobReader.ReadCappedAsync(body, 1024 * 1024, "token response", cancellationToken);
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var token = Manifests.ManifestParser.GetString(root, "token") ?? Manifests.ManifestParser.GetString(root, "access_token");
            if (string.IsNullOrEmpty(token))
            {
                throw Error(RegistryErrorKind.Protocol, null, response.StatusCode, $"The token service of {Registry} returned no token.");
            }

            var seconds = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 60;
            return (token, TimeSpan.FromSeconds(Math.Max(seconds, 60)));
        }
        catch (JsonException ex)
        {
            throw Error(RegistryErrorKind.Protocol, null, response.StatusCode, $"The token service of {Registry} returned invalid JSON.", ex);
        }
    }
}
