using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Vigil.Core;

namespace Vigil.Gates.Quarantine;

/// <summary>
/// Sets the quarantine state of a manifest in Azure Container Registry:
/// <c>PATCH /acr/v1/{repository}/_manifests/{digest}</c> with <c>quarantineState</c> and <c>quarantineDetails</c>.
/// A manifest marked <c>Passed</c> becomes pullable; one left in quarantine stays invisible to normal pulls.
/// </summary>
public sealed class AcrQuarantineClient(HttpClient httpClient, IOptions<AcrQuarantineOptions> options)
{
    /// <summary>The name of the HTTP client used (for <c>IHttpClientFactory</c> configuration).</summary>
    public const string HttpClientName = "vigil-acr";

    /// <summary>Sets <paramref name="state"/> (<c>Passed</c> or <c>Failed</c>) with a short report as details.</summary>
    public async Task SetStateAsync(string registry, string repository, Digest digest, string state, string details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var value = options.Value;
        var uri = new Uri($"{value.Scheme}://{registry}/acr/v1/{repository}/_manifests/{digest}");

        // quarantineDetails is a string holding JSON, as the ACR quarantine API defines it.
        var body = new JsonObject
        {
            ["quarantineState"] = state,
            ["quarantineDetails"] = new JsonObject { ["state"] = state, ["scanner"] = "vigil", ["result"] = details }.ToJsonString(),
        };
        using var request = new HttpRequestMessage(HttpMethod.Patch, uri) { Content = JsonContent.Create(body) };
        if (value.Username is not null && value.Password is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{value.Username}:{value.Password}")));
        }

        using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"ACR refused the quarantine update for {repository}@{digest.Short}: HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
