using System.CommandLine;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Vigil.Cli.Commands.Controller;
using Vigil.Cli.Infrastructure;
using Vigil.Core;
using Vigil.Kubernetes.Abstractions;
using Vigil.Kubernetes.Cluster;
using Vigil.Kubernetes.Credentials;
using Vigil.Kubernetes.Owners;

namespace Vigil.Cli.Commands.Cluster;

/// <summary>Runs <c>vigil cluster scan</c>: lists pods, scans each image once, prints a table of workloads and counts.</summary>
public sealed class ClusterScanCommand(ParseResult parseResult, IImageScanner? scanner = null, IAnsiConsole? console = null)
{
    /// <summary>Runs the command.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(parseResult.GetValue(ClusterCommandDefinition.Timeout), async ct =>
        {
            var config = Vigil.Kubernetes.Hosting.KubernetesConnection.Configure(parseResult.GetValue(ClusterCommandDefinition.Kubeconfig)?.FullName);
            using var client = new k8s.Kubernetes(config);
            using var loggers = CliHost.CreateLoggerFactory(parseResult);
            var services = new ServiceCollection()
                .AddSingleton<IKubernetes>(client)
                .AddSingleton(loggers)
                .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
                .AddSingleton(TimeProvider.System)
                .AddSingleton(scanner ?? new EngineImageScanner(parseResult))
                .AddSingleton<OwnerResolver>()
                .AddSingleton<NodePlatformResolver>()
                .AddSingleton<PullSecretResolver>()
                .AddSingleton<ClusterScanner>();
            await using var provider = services.BuildServiceProvider();
            var options = new ClusterScanOptions { Concurrency = parseResult.GetValue(ClusterCommandDefinition.Concurrency) };
            foreach (var ns in parseResult.GetValue(ClusterCommandDefinition.Namespaces) ?? [])
            {
                options.Namespaces.Add(ns);
            }

            foreach (var word in (parseResult.GetValue(ClusterCommandDefinition.Severity) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (SeverityExtensions.TryParse(word, out var severity))
                {
                    options.Severities.Add(severity);
                }
            }

            var rows = await provider.GetRequiredService<ClusterScanner>().ScanAsync(options, ct);
            Print(console ?? AnsiConsole.Console, rows);
            return rows.Any(r => r.Error is not null) ? ExitCodes.Error : ExitCodes.Success;
        }, Console.Error, cancellationToken);

    private static void Print(IAnsiConsole console, IReadOnlyList<ClusterScanRow> rows)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "NAMESPACE", "WORKLOAD", "CONTAINER", "IMAGE", "CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN", "FIXABLE" })
        {
            table.AddColumn(column);
        }

        foreach (var row in rows)
        {
            var image = row.Image.Length > 60 ? row.Image[..(row.Image.IndexOf('@', StringComparison.Ordinal) is > 0 and var at ? at : 40)] + "@" + row.Image.Split('@').Last()[..19] : row.Image;
            string[] counts = row.Error is null
                ? [$"{row.Counts.Critical}", $"{row.Counts.High}", $"{row.Counts.Medium}", $"{row.Counts.Low}", $"{row.Counts.Unknown}", $"{row.Fixable}"]
                : ["error", "", "", "", "", ""];
            table.AddRow([Markup.Escape(row.Workload.Namespace), Markup.Escape($"{row.Workload.Kind}/{row.Workload.Name}"), Markup.Escape(row.Container), Markup.Escape(image), .. counts]);
        }

        console.Write(table);
        console.WriteLine($"{rows.Select(r => r.Workload).Distinct().Count()} workloads, {rows.Select(r => r.Image).Distinct().Count()} images, {rows.Sum(r => r.Counts.Critical)} critical, {rows.Sum(r => r.Counts.High)} high.");
        foreach (var row in rows.Where(r => r.Error is not null))
        {
            console.WriteLine($"error: {row.Image}: {row.Error}");
        }
    }
}
