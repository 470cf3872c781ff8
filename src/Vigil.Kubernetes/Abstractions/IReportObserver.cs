namespace Vigil.Kubernetes.Abstractions;

/// <summary>
/// Told after the controller published a report (created, updated or verified at resync), for consumers outside the
/// controller such as the policy actions of Vigil.Gates. Register any number as singletons; a failing observer is logged
/// and never stops the controller.
/// </summary>
public interface IReportObserver
{
    /// <summary>Called once per published report, after the VulnerabilityReport was written.</summary>
    Task ReportPublishedAsync(PublishedReport report, CancellationToken cancellationToken);
}
