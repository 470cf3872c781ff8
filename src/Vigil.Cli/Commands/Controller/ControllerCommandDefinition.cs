using System.CommandLine;
using System.Text.RegularExpressions;

namespace Vigil.Cli.Commands.Controller;

/// <summary>The options of <c>vigil controller</c>.</summary>
public static partial class ControllerCommandDefinition
{
    /// <summary><c>--kubeconfig</c>.</summary>
    public static Option<FileInfo?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig file (default: in-cluster service account, else ~/.kube/config)." };

    /// <summary><c>--namespaces</c>.</summary>
    public static Option<string[]> Namespaces { get; } = new("--namespaces", "-n") { Description = "Namespaces to watch (default: all).", AllowMultipleArgumentsPerToken = true };

    /// <summary><c>--exclude-namespaces</c>.</summary>
    public static Option<string[]> ExcludeNamespaces { get; } = new("--exclude-namespaces") { Description = "Namespaces to ignore.", AllowMultipleArgumentsPerToken = true };

    /// <summary><c>--selector</c>.</summary>
    public static Option<string?> Selector { get; } = new("--selector", "-l") { Description = "Label selector pods must match." };

    /// <summary><c>--concurrency</c>.</summary>
    public static Option<int> Concurrency { get; } = new("--concurrency") { Description = "Images scanned at once.", DefaultValueFactory = _ => 4 };

    /// <summary><c>--resync</c>.</summary>
    public static Option<string> Resync { get; } = new("--resync") { Description = "Full resync: an interval (30m, 1h, 01:00:00) or a 5-field cron expression in UTC.", DefaultValueFactory = _ => "1h" };

    /// <summary><c>--db-check-interval</c>.</summary>
    public static Option<TimeSpan> DatabaseCheckInterval { get; } = new("--db-check-interval") { Description = "How often the vulnerability database version is checked.", DefaultValueFactory = _ => TimeSpan.FromMinutes(1) };

    /// <summary><c>--metrics-address</c>.</summary>
    public static Option<string> MetricsAddress { get; } = new("--metrics-address") { Description = "Where /metrics, /healthz and /readyz listen.", DefaultValueFactory = _ => "0.0.0.0:8080" };

    /// <summary><c>--report-base-url</c>.</summary>
    public static Option<Uri?> ReportBaseUrl { get; } = new("--report-base-url")
    {
        Description = "Base URL of Vigil's API, for links to full reports.",
        CustomParser = r =>
        {
            // System.CommandLine has no Uri converter; only absolute http(s) addresses make usable links.
            var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            r.AddError($"--report-base-url '{text}' must be an absolute http(s) URL, e.g. https://vigil.example.com/.");
            return null;
        },
    };

    /// <summary><c>--per-workload-metrics</c>.</summary>
    public static Option<bool> PerWorkloadMetrics { get; } = new("--per-workload-metrics") { Description = "Export per-workload metric labels (high cardinality)." };

    /// <summary><c>--leader-elect</c>.</summary>
    public static Option<bool> LeaderElect { get; } = new("--leader-elect") { Description = "Elect a leader through a Lease so only one replica reconciles.", DefaultValueFactory = _ => true };

    /// <summary><c>--lease-namespace</c>.</summary>
    public static Option<string> LeaseNamespace { get; } = new("--lease-namespace") { Description = "Namespace of the leader Lease (default: $POD_NAMESPACE or vigil-system).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? "vigil-system" };

    /// <summary><c>--cluster-name</c>: the name this cluster's workloads carry in the results store and the dashboard.</summary>
    public static Option<string> ClusterName { get; } = new("--cluster-name")
    {
        Description = "This cluster's name in the results store and the dashboard (lowercase letters, digits, '-', '.', '_'; at most 63).",
        DefaultValueFactory = _ => "default",
    };

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("controller", "Watch the cluster and keep a VulnerabilityReport for every running workload image.")
        {
            Kubeconfig, Namespaces, ExcludeNamespaces, Selector, Concurrency, Resync, DatabaseCheckInterval, MetricsAddress, ReportBaseUrl, PerWorkloadMetrics, LeaderElect, LeaseNamespace, ClusterName,
        };
        ClusterName.Validators.Add(r =>
        {
            // It is a path segment of the dashboard's URLs and a key in the results store shared by several clusters.
            if (!ClusterNamePattern().IsMatch(r.GetValueOrDefault<string>() ?? ""))
            {
                r.AddError("--cluster-name must be 1–63 lowercase letters, digits, '-', '.' or '_', starting and ending with a letter or digit.");
            }
        });
        Concurrency.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 256)
            {
                r.AddError("--concurrency must be between 1 and 256.");
            }
        });
        Resync.Validators.Add(r =>
        {
            if (!ResyncSetting.TryParse(r.GetValueOrDefault<string>(), out _, out var error))
            {
                r.AddError(error);
            }
        });
        MetricsAddress.Validators.Add(r =>
        {
            if (!System.Net.IPEndPoint.TryParse(r.GetValueOrDefault<string>() ?? string.Empty, out _))
            {
                r.AddError("--metrics-address must be host:port with an IP address, e.g. 0.0.0.0:8080.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => new ControllerCommand(parseResult).RunAsync(cancellationToken));
        return command;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9._]{0,61}[a-z0-9])?$")]
    private static partial Regex ClusterNamePattern();
}
