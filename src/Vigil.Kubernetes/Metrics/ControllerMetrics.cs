using Prometheus;
using Vigil.Core;

namespace Vigil.Kubernetes.Metrics;

/// <summary>The controller's Prometheus metrics, registered in one registry (the default one, or a test's own).</summary>
public sealed class ControllerMetrics
{
    private static readonly Severity[] Severities = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Unknown];
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Namespace, string[] Workload, int[] Counts)> _reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _namespaceTotals = new(StringComparer.Ordinal);
    private readonly Gauge _vulnerabilities;
    private readonly Gauge? _workloadVulnerabilities;

    /// <summary>Creates the metrics in <paramref name="registry"/>.</summary>
    public ControllerMetrics(CollectorRegistry registry, bool perWorkload)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _vulnerabilities = factory.CreateGauge("vigil_vulnerabilities", "Vulnerabilities in running images, per namespace and severity (after pod annotations).", "namespace", "severity");
        if (perWorkload)
        {
            _workloadVulnerabilities = factory.CreateGauge("vigil_workload_vulnerabilities", "Vulnerabilities per workload container and severity.", "namespace", "kind", "workload", "container", "severity");
        }

        ScanDuration = factory.CreateHistogram("vigil_scan_duration_seconds", "Time to scan one image.", new HistogramConfiguration
        {
            LabelNames = ["result"],
            Buckets = Histogram.ExponentialBuckets(0.05, 2, 14),
        });
        QueueDepth = factory.CreateGauge("vigil_scan_queue_depth", "Images waiting for a scan.");
        DatabaseAge = factory.CreateGauge("vigil_database_age_seconds", "Age of the vulnerability database in use.");
        Rematches = factory.CreateCounter("vigil_rematches_total", "Cached inventories re-matched after a database change.");
        ReportWrites = factory.CreateCounter("vigil_report_writes_total", "VulnerabilityReport writes, by operation.", "operation");
        WatchRestarts = factory.CreateCounter("vigil_watch_restarts_total", "Pod watch restarts, by reason.", "reason");
    }

    /// <summary>Scan durations by result (<c>success</c>, <c>failure</c>).</summary>
    public Histogram ScanDuration { get; }

    /// <summary>Images waiting.</summary>
    public Gauge QueueDepth { get; }

    /// <summary>Database age in seconds.</summary>
    public Gauge DatabaseAge { get; }

    /// <summary>Re-matches.</summary>
    public Counter Rematches { get; }

    /// <summary>Report writes by operation (<c>create</c>, <c>update</c>, <c>delete</c>).</summary>
    public Counter ReportWrites { get; }

    /// <summary>Watch restarts by reason (<c>expired</c>, <c>closed</c>, <c>error</c>).</summary>
    public Counter WatchRestarts { get; }

    /// <summary>Records the counts of one report and refreshes the per-namespace gauges.</summary>
    public void SetReport(string reportName, string ns, string kind, string workload, string container, IReadOnlyDictionary<Severity, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        lock (_gate)
        {
            var key = $"{ns}/{reportName}";
            if (_reports.TryGetValue(key, out var previous))
            {
                Add(ns, previous.Counts, -1);
            }

            int[] values = [.. Severities.Select(s => counts.GetValueOrDefault(s))];
            _reports[key] = (ns, [kind, workload, container], values);
            Add(ns, values, 1);
            if (_workloadVulnerabilities is not null)
            {
                for (var i = 0; i < Severities.Length; i++)
                {
                    _workloadVulnerabilities.WithLabels(ns, kind, workload, container, Severities[i].ToLabel()).Set(counts.GetValueOrDefault(Severities[i]));
                }
            }
        }
    }

    /// <summary>Forgets a deleted report.</summary>
    public void RemoveReport(string reportName, string ns)
    {
        lock (_gate)
        {
            if (_reports.Remove($"{ns}/{reportName}", out var removed))
            {
                Add(ns, removed.Counts, -1);
                if (_workloadVulnerabilities is not null)
                {
                    foreach (var severity in Severities)
                    {
                        _workloadVulnerabilities.RemoveLabelled(ns, removed.Workload[0], removed.Workload[1], removed.Workload[2], severity.ToLabel());
                    }
                }
            }
        }
    }

    private void Add(string ns, int[] counts, int sign)
    {
        if (!_namespaceTotals.TryGetValue(ns, out var totals))
        {
            totals = new int[Severities.Length];
            _namespaceTotals[ns] = totals;
        }

        for (var i = 0; i < Severities.Length; i++)
        {
            totals[i] += sign * counts[i];
            _vulnerabilities.WithLabels(ns, Severities[i].ToLabel()).Set(totals[i]);
        }
    }
}
