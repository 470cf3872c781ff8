using k8s;

namespace Vigil.Kubernetes.Hosting;

/// <summary>How the controller finds the API server: an explicit kubeconfig, the in-cluster service account, or the default kubeconfig.</summary>
public static class KubernetesConnection
{
    /// <summary>The client configuration for <paramref name="kubeconfigPath"/> (or in-cluster, or <c>~/.kube/config</c>).</summary>
    public static KubernetesClientConfiguration Configure(string? kubeconfigPath, string? context = null)
    {
        if (!string.IsNullOrEmpty(kubeconfigPath))
        {
            if (!File.Exists(kubeconfigPath))
            {
                throw new FileNotFoundException($"kubeconfig '{kubeconfigPath}' does not exist.", kubeconfigPath);
            }

            try
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath, context);
            }
            catch (k8s.Exceptions.KubeConfigException e)
            {
                // One clear line for the user rather than a stack trace.
                throw new InvalidDataException($"kubeconfig '{kubeconfigPath}': {e.Message}", e);
            }
        }

        return KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: context);
    }
}
