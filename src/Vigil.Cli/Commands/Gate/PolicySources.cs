using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Cli.Infrastructure;
using Vigil.Gates.Policy;
using Vigil.Kubernetes.Hosting;

namespace Vigil.Cli.Commands.Gate;

/// <summary>
/// Chooses where the admission gate's policy comes from: a VigilPolicy in the cluster (with the file as fallback) when
/// <c>--policy-resource</c> is given or the gate runs in a cluster, otherwise the file alone.
/// </summary>
internal static class PolicySources
{
    public static IPolicySource Create(IServiceCollection services, ParseResult parseResult, GatePolicy filePolicy)
    {
        var name = parseResult.GetValue(GateCommandDefinition.PolicyResource);
        var kubeconfig = parseResult.GetValue(GateCommandDefinition.Kubeconfig)?.FullName;
        if (name is null && kubeconfig is null && !k8s.KubernetesClientConfiguration.IsInCluster())
        {
            return new StaticPolicySource(filePolicy);
        }

        var client = new k8s.Kubernetes(KubernetesConnection.Configure(kubeconfig));
        services.AddSingleton<k8s.IKubernetes>(client);
        var options = new KubernetesPolicySourceOptions { Name = name ?? "default" };

        // Built here rather than by the container: AddVigilAdmission takes the source instance.
        var source = new KubernetesPolicySource(client, filePolicy, Options.Create(options), CliHost.CreateLoggerFactory(parseResult).CreateLogger<KubernetesPolicySource>());
        services.AddSingleton<IHostedService>(source);
        return source;
    }
}
