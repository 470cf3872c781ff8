namespace Vigil.Kubernetes.Controllers;

/// <summary>Settings of the runtime controller (<c>vigil controller</c>).</summary>
public sealed class VigilControllerOptions
{
    /// <summary>The cluster's name in the results store (the dashboard groups workloads by it). Default <c>default</c>.</summary>
    public string ClusterName { get; set; } = "default";

    /// <summary>Namespaces to watch; empty means all namespaces.</summary>
    public IList<string> IncludeNamespaces { get; } = [];

    /// <summary>Namespaces to ignore when watching all namespaces.</summary>
    public IList<string> ExcludeNamespaces { get; } = [];

    /// <summary>A label selector pods must match (empty: every pod).</summary>
    public string? LabelSelector { get; set; }

    /// <summary>How many images are scanned at the same time. Default 4.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How many images may wait for a scan before the watchers wait. Default 10,000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How long one scan may take. Default 10 minutes.</summary>
    public TimeSpan ScanTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times a failing image is tried before waiting for the next resync. Default 3.</summary>
    public int MaxScanAttempts { get; set; } = 3;

    /// <summary>The delay before retrying a failed scan; doubled each attempt. Default 30 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a full resync runs as a backstop. Default 1 hour; ignored when <see cref="ResyncSchedule"/> is set.</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A cron expression (five fields, UTC) for the full resync, instead of <see cref="ResyncInterval"/>.</summary>
    public string? ResyncSchedule { get; set; }

    /// <summary>How often the vulnerability database version is checked. Default 1 minute.</summary>
    public TimeSpan DatabaseCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a watch stays open before the controller reconnects from its last resource version. Default 5 minutes.</summary>
    public TimeSpan WatchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The pause before re-watching after a broken connection. Default 1 second.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The base address of Vigil's API for report links, such as <c>https://vigil.example.com</c>; null: no link.</summary>
    public Uri? ReportBaseUrl { get; set; }

    /// <summary>Whether per-workload metric labels are exported (high cardinality). Default false.</summary>
    public bool PerWorkloadMetrics { get; set; }

    /// <summary>Image digests never reported (the controller's own image is added automatically when known).</summary>
    public ISet<string> ExcludedDigests { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The controller's own pod (<c>namespace/name</c>, from the downward API); its images are not reported.</summary>
    public string? SelfPod { get; set; }
}
