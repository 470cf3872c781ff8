namespace Vigil.Gates.Admission;

/// <summary>Settings of the admission webhook (<c>vigil gate admission</c>).</summary>
public sealed class AdmissionOptions
{
    /// <summary>How long the gate takes at most to answer (default 2 s), kept below the webhook's <c>timeoutSeconds</c>.</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Port to listen on (default 8443).</summary>
    public int Port { get; set; } = 8443;

    /// <summary>Address to listen on (default all interfaces; tests use 127.0.0.1).</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>PEM certificate chain file (<c>tls.crt</c> of a Kubernetes TLS secret); null serves plain HTTP (tests, local use).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key file (<c>tls.key</c>).</summary>
    public string? KeyPath { get; set; }

    /// <summary>Namespaces never blocked (the gate must not lock the cluster out of its own repair).</summary>
    public IList<string> IgnoredNamespaces { get; init; } = ["kube-system"];
}
