using System.CommandLine;

namespace Vigil.Cli.Commands.Gate;

/// <summary>
/// The <c>vigil gate</c> servers: <c>admission</c> (ValidatingAdmissionWebhook) and <c>registry</c> (push gate for
/// Distribution, Harbor and ACR webhooks). Secrets come from the environment or secret files, never from flags.
/// </summary>
public static class GateCommandDefinition
{
    /// <summary><c>--port</c>.</summary>
    public static Option<int?> Port { get; } = new("--port") { Description = "Port to listen on (admission: 8443, registry: 8080)." };

    /// <summary><c>--address</c>.</summary>
    public static Option<string> Address { get; } = new("--address")
    {
        Description = "Address to listen on.",
        DefaultValueFactory = _ => "0.0.0.0",
    };

    /// <summary><c>--tls-cert</c>.</summary>
    public static Option<FileInfo?> TlsCert { get; } = new("--tls-cert") { Description = "PEM certificate chain (reloaded when the file changes)." };

    /// <summary><c>--tls-key</c>.</summary>
    public static Option<FileInfo?> TlsKey { get; } = new("--tls-key") { Description = "PEM private key." };

    /// <summary><c>--policy</c>.</summary>
    public static Option<FileInfo?> PolicyFile { get; } = new("--policy") { Description = "Policy file (default: enforce, maxSeverity medium, unknownImage deny)." };

    /// <summary><c>--budget</c> (admission).</summary>
    public static Option<string> Budget { get; } = new("--budget")
    {
        Description = "Longest time to answer an admission request (e.g. 2s, 1500ms is written 1s); keep it below the webhook's timeoutSeconds.",
        DefaultValueFactory = _ => "2s",
    };

    /// <summary><c>--ignore-namespace</c> (admission).</summary>
    public static Option<string[]> IgnoreNamespace { get; } = new("--ignore-namespace")
    {
        Description = "Namespace never blocked (repeatable; default kube-system).",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary><c>--results-db</c> (admission).</summary>
    public static Option<FileInfo?> ResultsDatabase { get; } = new("--results-db")
    {
        Description = "Results database the controller writes, read for known findings (default: <cache-dir>/results.db when it exists).",
    };

    /// <summary><c>--policy-resource</c> (admission).</summary>
    public static Option<string?> PolicyResource { get; } = new("--policy-resource")
    {
        Description = "Follow this cluster-scoped VigilPolicy (default when running in a cluster: 'default'); --policy is the fallback while it does not exist.",
    };

    /// <summary><c>--kubeconfig</c> (admission).</summary>
    public static Option<FileInfo?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig for --policy-resource (default: in-cluster service account, else ~/.kube/config)." };

    /// <summary><c>--queue</c> (registry).</summary>
    public static Option<FileInfo?> Queue { get; } = new("--queue") { Description = "SQLite queue file (default: <cache-dir>/gate/push-queue.db)." };

    /// <summary><c>--release-repository</c> (registry).</summary>
    public static Option<string?> ReleaseRepository { get; } = new("--release-repository")
    {
        Description = "Where passing images are copied in the same registry, with {repository} (e.g. release/{repository}).",
    };

    /// <summary><c>--delete-failed</c> (registry).</summary>
    public static Option<bool> DeleteFailed { get; } = new("--delete-failed") { Description = "Delete manifests that fail the policy." };

    /// <summary><c>--default-registry</c> (registry).</summary>
    public static Option<string?> DefaultRegistry { get; } = new("--default-registry") { Description = "Registry host for events that do not name one." };

    /// <summary><c>--daily-digest</c>.</summary>
    public static Option<bool> DailyDigest { get; } = new("--daily-digest") { Description = "Send notifications as one daily digest." };

    /// <summary>Creates the <c>gate</c> command.</summary>
    public static Command Create()
    {
        var admission = new Command("admission", "Run the Kubernetes admission webhook (POST /validate). Decides by digest within the budget from the finding cache, scanning inline when time allows.")
        {
            Port, Address, TlsCert, TlsKey, PolicyFile, Budget, IgnoreNamespace, ResultsDatabase, PolicyResource, Kubeconfig,
        };
        admission.SetAction((parseResult, cancellationToken) => new GateAdmissionCommand(parseResult).RunAsync(cancellationToken));

        var registry = new Command("registry", "Run the registry push gate (POST /events/distribution, /events/harbor, /events/acr). Token: VIGIL_GATE_TOKEN or VIGIL_GATE_HMAC_SECRET (or *_FILE).")
        {
            Port, Address, TlsCert, TlsKey, PolicyFile, Queue, ReleaseRepository, DeleteFailed, DefaultRegistry, DailyDigest,
        };
        registry.SetAction((parseResult, cancellationToken) => new GateRegistryCommand(parseResult).RunAsync(cancellationToken));

        return new Command("gate", "Registry and admission gates.") { admission, registry };
    }
}
