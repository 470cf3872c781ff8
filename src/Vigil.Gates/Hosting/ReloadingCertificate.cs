using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Vigil.Gates.Hosting;

/// <summary>
/// A serving certificate read from a PEM certificate and key pair and read again when the files change, so that a
/// rotated Kubernetes TLS secret (cert-manager) is picked up without a restart.
/// </summary>
/// <remarks>
/// Secret volumes are updated by swapping a <c>..data</c> symlink, which file watchers do not always report, so the
/// files' timestamps are also checked at most every few seconds when a TLS handshake asks for the certificate.
/// A pair that fails to load (half-written during rotation) leaves the previous certificate in service.
/// </remarks>
public sealed class ReloadingCertificate : IDisposable
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);
    private readonly string certificatePath;
    private readonly string keyPath;
    private readonly ILogger logger;
    private readonly TimeProvider timeProvider;
    private readonly FileSystemWatcher? watcher;
    private readonly Lock gate = new();
    private X509Certificate2 current;
    private (DateTime Cert, DateTime Key) loadedStamps;
    private DateTimeOffset lastCheck;

    /// <summary>Loads the pair now (throwing if it cannot be loaded) and starts watching it.</summary>
    public ReloadingCertificate(string certificatePath, string keyPath, ILogger logger, TimeProvider? timeProvider = null)
    {
        this.certificatePath = Path.GetFullPath(certificatePath);
        this.keyPath = Path.GetFullPath(keyPath);
        this.logger = logger;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        current = Load();
        loadedStamps = Stamps();
        lastCheck = this.timeProvider.GetUtcNow();
        var directory = Path.GetDirectoryName(this.certificatePath);
        if (directory is not null && Directory.Exists(directory))
        {
            watcher = new FileSystemWatcher(directory) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.CreationTime };
            watcher.Changed += (_, _) => Reload();
            watcher.Created += (_, _) => Reload();
            watcher.Renamed += (_, _) => Reload();
            watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>The certificate to serve; checks the files' timestamps at most every few seconds.</summary>
    public X509Certificate2 Current
    {
        get
        {
            var now = timeProvider.GetUtcNow();
            if (now - lastCheck >= CheckInterval)
            {
                lastCheck = now;
                if (Stamps() != loadedStamps)
                {
                    Reload();
                }
            }

            return current;
        }
    }

    /// <summary>Reads the pair again; keeps the previous certificate when the new one cannot be loaded.</summary>
    public void Reload()
    {
        lock (gate)
        {
            try
            {
                var stamps = Stamps();
                current = Load();
                loadedStamps = stamps;
            }
            catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException or ArgumentException or UnauthorizedAccessException)
            {
                logger.CertificateReloadFailed(e, certificatePath);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => watcher?.Dispose();

    private X509Certificate2 Load()
    {
        var certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        logger.CertificateLoaded(certificatePath, certificate.Subject, certificate.NotAfter);
        return certificate;
    }

    private (DateTime Cert, DateTime Key) Stamps() => (File.GetLastWriteTimeUtc(certificatePath), File.GetLastWriteTimeUtc(keyPath));
}
