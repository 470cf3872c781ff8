using System.CommandLine;
using Vigil.Core;

namespace Vigil.Cli.Commands.Cluster;

/// <summary><c>vigil cluster scan</c>: a one-shot scan of what runs in a cluster now.</summary>
public static class ClusterCommandDefinition
{
    /// <summary><c>--kubeconfig</c>.</summary>
    public static Option<FileInfo?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig file (default: in-cluster service account, else ~/.kube/config)." };

    /// <summary><c>--namespaces</c>.</summary>
    public static Option<string[]> Namespaces { get; } = new("--namespaces", "-n") { Description = "Namespaces to scan (default: all).", AllowMultipleArgumentsPerToken = true };

    /// <summary><c>--concurrency</c>.</summary>
    public static Option<int> Concurrency { get; } = new("--concurrency") { Description = "Images scanned at once.", DefaultValueFactory = _ => 4 };

    /// <summary><c>--timeout</c>.</summary>
    public static Option<TimeSpan?> Timeout { get; } = new("--timeout") { Description = "Give up after this long (exit code 4), e.g. 00:10:00." };

    /// <summary><c>--severity</c>.</summary>
    public static Option<string[]> Severity { get; } = new("--severity") { Description = "Severities to count (CRITICAL,HIGH,MEDIUM,LOW,UNKNOWN; default: all).", AllowMultipleArgumentsPerToken = true };

    /// <summary>Creates <c>cluster</c> with its <c>scan</c> subcommand.</summary>
    public static Command Create()
    {
        var scan = new Command("scan", "Scan every image running in the cluster once and print a summary per workload.")
        {
            Kubeconfig, Namespaces, Concurrency, Timeout, Severity,
        };
        Concurrency.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 256)
            {
                r.AddError("--concurrency must be between 1 and 256.");
            }
        });
        Severity.Validators.Add(r =>
        {
            foreach (var word in (r.GetValueOrDefault<string[]>() ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (!SeverityExtensions.TryParse(word, out _))
                {
                    r.AddError($"--severity: '{word}' is not a severity (CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN).");
                }
            }
        });
        scan.SetAction((parseResult, cancellationToken) => new ClusterScanCommand(parseResult).RunAsync(cancellationToken));
        return new Command("cluster", "Work on a whole cluster at once.") { scan };
    }
}
