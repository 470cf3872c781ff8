using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Kubernetes.Controllers;

namespace Vigil.Kubernetes.Hosting;

/// <summary>
/// Runs the controller while this replica holds the Lease (or always, without leader election). Losing the lease stops
/// the work; the replica then competes again.
/// </summary>
public sealed class ControllerHostedService(
    IKubernetes client,
    ControllerRunner runner,
    IOptions<LeaderElectionOptions> election,
    ILogger<ControllerHostedService> logger) : BackgroundService
{
    /// <summary>Whether this replica is leading (or runs without election).</summary>
    public bool IsLeading { get; private set; }

    /// <summary>Ready: a follower is ready to take over; a leader once its first list is reconciled.</summary>
    public bool IsReady => !IsLeading || runner.Synced;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = election.Value;
        if (!settings.Enabled)
        {
            IsLeading = true;
            await runner.RunAsync(stoppingToken);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            using var elector = new LeaderElector(new LeaderElectionConfig(new LeaseLock(client, settings.Namespace, settings.LeaseName, settings.Identity))
            {
                LeaseDuration = settings.LeaseDuration,
                RenewDeadline = settings.RenewDeadline,
                RetryPeriod = settings.RetryPeriod,
            });
            using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            Task? work = null;
            elector.OnStartedLeading += () =>
            {
                logger.LogInformation("{Identity} is the leader; starting the controller", settings.Identity);
                IsLeading = true;
                work = Task.Run(() => runner.RunAsync(leading.Token), CancellationToken.None);
            };
            elector.OnStoppedLeading += () =>
            {
                IsLeading = false;
                leading.Cancel();
            };
            elector.OnNewLeader += leader => logger.LogInformation("Leader is now {Leader}", leader);
            try
            {
                await elector.RunUntilLeadershipLostAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping.
            }

            await leading.CancelAsync();
            if (work is not null)
            {
                await work;
                logger.LogInformation("{Identity} stopped leading", settings.Identity);
            }
        }
    }
}
