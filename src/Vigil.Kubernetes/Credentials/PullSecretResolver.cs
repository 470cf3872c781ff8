using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Vigil.Kubernetes.Abstractions;

namespace Vigil.Kubernetes.Credentials;

/// <summary>
/// Collects the registry credentials a pod would pull with: its own <c>imagePullSecrets</c>, then its service
/// account's. Only secret names are ever logged.
/// </summary>
public sealed class PullSecretResolver(IKubernetes client, ILogger<PullSecretResolver> logger)
{
    /// <summary>The pull secrets for pods in <paramref name="ns"/> with these secret names and service account.</summary>
    public async Task<IReadOnlyList<PullSecret>> ResolveAsync(string ns, IEnumerable<string> podSecretNames, string? serviceAccount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(podSecretNames);
        var names = podSecretNames.ToList();
        try
        {
            var account = await client.CoreV1.ReadNamespacedServiceAccountAsync(string.IsNullOrEmpty(serviceAccount) ? "default" : serviceAccount, ns, cancellationToken: cancellationToken);
            names.AddRange(account.ImagePullSecrets?.Select(s => s.Name).Where(n => !string.IsNullOrEmpty(n)) ?? []);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            logger.LogDebug("Service account {Namespace}/{Name} not readable ({Status})", ns, serviceAccount, e.Response.StatusCode);
        }

        var secrets = new List<PullSecret>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            try
            {
                var secret = await client.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: cancellationToken);
                if (ToDockerConfigJson(secret) is { } json)
                {
                    secrets.Add(new PullSecret(ns, name, json));
                }
                else
                {
                    logger.LogWarning("Pull secret {Namespace}/{Name} has type {Type} and no docker config; ignored", ns, name, secret.Type);
                }
            }
            catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
            {
                logger.LogWarning("Pull secret {Namespace}/{Name} not readable ({Status}); pulling without it", ns, name, e.Response.StatusCode);
            }
        }

        return secrets;
    }

    /// <summary>The <c>.dockerconfigjson</c> bytes of a secret; a legacy <c>.dockercfg</c> is wrapped as <c>{"auths": …}</c>.</summary>
    internal static byte[]? ToDockerConfigJson(V1Secret secret)
    {
        if (secret.Data is null)
        {
            return null;
        }

        if (secret.Data.TryGetValue(".dockerconfigjson", out var json) && json.Length > 0)
        {
            return json;
        }

        if (secret.Data.TryGetValue(".dockercfg", out var legacy) && legacy.Length > 0)
        {
            try
            {
                var auths = JsonNode.Parse(legacy);
                return auths is JsonObject ? Encoding.UTF8.GetBytes(new JsonObject { ["auths"] = auths }.ToJsonString()) : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }

        return null;
    }
}
