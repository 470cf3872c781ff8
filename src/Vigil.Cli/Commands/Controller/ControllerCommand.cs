using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Cli.Infrastructure;
using Vigil.Gates.Actions;
using Vigil.Kubernetes.Abstractions;
using Vigil.Kubernetes.Controllers;
using Vigil.Kubernetes.Hosting;
using Vigil.Scanning.Pipeline;
using Vigil.VulnDb.Storage;

namespace Vigil.Cli.Commands.Controller;

/// <summary>Runs the runtime controller until stopped (SIGTERM, Ctrl+C).</summary>
public sealed class ControllerCommand(ParseResult parseResult)
{
    /// <summary>Runs the command.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(null, async ct =>
        {
            var config = KubernetesConnection.Configure(parseResult.GetValue(ControllerCommandDefinition.Kubeconfig)?.FullName);
            using var client = new k8s.Kubernetes(config);
            await using var engine = VigilServices.Build(parseResult);
            var resync = ResyncSetting.TryParse(parseResult.GetValue(ControllerCommandDefinition.Resync), out var parsed, out _) ? parsed : null;
            var endpoint = IPEndPoint.Parse(parseResult.GetValue(ControllerCommandDefinition.MetricsAddress)!);
            var level = parseResult.GetValue(CommonOptions.LogLevel);
            var app = ControllerHost.Build(client, endpoint, services =>
            {
                services.AddSingleton<IImageScanner>(new EngineImageScanner(parseResult));
                services.AddSingleton<IFindingRematcher>(new EngineRematcher(engine.GetRequiredService<ScanService>()));
                services.AddSingleton<IDatabaseVersionSource>(new EngineDatabaseVersionSource(engine.GetRequiredService<IAdvisoryStore>()));
                // Full findings go where `vigil serve` reads by default, so both commands on one cache dir show the cluster.
                var cache = CliHost.CacheDirectory(parseResult);
                services.AddVigilResultStore(Path.Combine(cache.FullName, "results.db"), VigilServices.SbomCachePath(cache));
                services.AddVigilPolicyActions();
                services.Configure<VigilControllerOptions>(o => Configure(o, resync));
                services.Configure<LeaderElectionOptions>(o =>
                {
                    o.Enabled = parseResult.GetValue(ControllerCommandDefinition.LeaderElect);
                    o.Namespace = parseResult.GetValue(ControllerCommandDefinition.LeaseNamespace)!;
                    o.Identity = Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName;
                });
            }, logging => logging.SetMinimumLevel(level).AddSimpleConsole(o => o.SingleLine = true));
            await app.StartAsync(ct);
            try
            {
                await app.WaitForShutdownAsync(ct);
            }
            finally
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }

            return ExitCodes.Success;
        }, Console.Error, cancellationToken);

    private void Configure(VigilControllerOptions options, ResyncSetting? resync)
    {
        foreach (var ns in parseResult.GetValue(ControllerCommandDefinition.Namespaces) ?? [])
        {
            options.IncludeNamespaces.Add(ns);
        }

        foreach (var ns in parseResult.GetValue(ControllerCommandDefinition.ExcludeNamespaces) ?? [])
        {
            options.ExcludeNamespaces.Add(ns);
        }

        options.ClusterName = parseResult.GetValue(ControllerCommandDefinition.ClusterName)!;
        options.LabelSelector = parseResult.GetValue(ControllerCommandDefinition.Selector);
        options.Concurrency = parseResult.GetValue(ControllerCommandDefinition.Concurrency);
        options.DatabaseCheckInterval = parseResult.GetValue(ControllerCommandDefinition.DatabaseCheckInterval);
        options.ReportBaseUrl = parseResult.GetValue(ControllerCommandDefinition.ReportBaseUrl);
        options.PerWorkloadMetrics = parseResult.GetValue(ControllerCommandDefinition.PerWorkloadMetrics);
        options.ResyncInterval = resync?.Interval ?? options.ResyncInterval;
        options.ResyncSchedule = resync?.Cron;
        if (Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } podNamespace && Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } podName)
        {
            options.SelfPod = $"{podNamespace}/{podName}";
        }
    }
}
