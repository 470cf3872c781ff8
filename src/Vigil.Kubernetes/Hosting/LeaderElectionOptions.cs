namespace Vigil.Kubernetes.Hosting;

/// <summary>Leader election through a coordination.k8s.io Lease, so only one replica reconciles.</summary>
public sealed class LeaderElectionOptions
{
    /// <summary>Whether to elect a leader; off for a single replica or a local run. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The Lease's namespace (the controller's own). Default <c>vigil-system</c>.</summary>
    public string Namespace { get; set; } = "vigil-system";

    /// <summary>The Lease's name. Default <c>vigil-controller</c>.</summary>
    public string LeaseName { get; set; } = "vigil-controller";

    /// <summary>This replica's identity (the pod name). Default: the host name.</summary>
    public string Identity { get; set; } = Environment.MachineName;

    /// <summary>How long a lease is valid. Default 15 seconds.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader tries to renew before giving up. Default 10 seconds.</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often to try. Default 2 seconds.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);
}
