using System.Collections.Concurrent;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;
using Vigil.Core;

namespace Vigil.Kubernetes.Owners;

/// <summary>The platform of a node from its <c>kubernetes.io/os</c> and <c>kubernetes.io/arch</c> labels, cached per node.</summary>
public sealed class NodePlatformResolver(IKubernetes client, ILogger<NodePlatformResolver> logger)
{
    private readonly ConcurrentDictionary<string, Platform> _platforms = new(StringComparer.Ordinal);

    /// <summary>The node's platform; <see cref="Platform.Default"/> when the node cannot be read.</summary>
    public async Task<Platform> ResolveAsync(string nodeName, CancellationToken cancellationToken)
    {
        if (_platforms.TryGetValue(nodeName, out var cached))
        {
            return cached;
        }

        var platform = Platform.Default;
        try
        {
            var node = await client.CoreV1.ReadNodeAsync(nodeName, cancellationToken: cancellationToken);
            var labels = node.Metadata.Labels ?? new Dictionary<string, string>();
            var os = labels.TryGetValue("kubernetes.io/os", out var o) ? o : node.Status?.NodeInfo?.OperatingSystem;
            var arch = labels.TryGetValue("kubernetes.io/arch", out var a) ? a : node.Status?.NodeInfo?.Architecture;
            if (!string.IsNullOrEmpty(os) && !string.IsNullOrEmpty(arch))
            {
                platform = new Platform(os, arch);
            }
        }
        catch (HttpOperationException e)
        {
            logger.LogWarning("Cannot read node {Node} ({Status}); assuming {Platform}", nodeName, e.Response.StatusCode, platform);
        }

        _platforms[nodeName] = platform;
        return platform;
    }
}
