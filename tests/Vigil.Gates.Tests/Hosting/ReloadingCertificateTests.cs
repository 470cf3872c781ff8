using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Gates.Cache;
using Vigil.Gates.Hosting;
using Vigil.Gates.Policy;
using Vigil.Gates.Tests.Admission;

namespace Vigil.Gates.Tests.Hosting;

public sealed class ReloadingCertificateTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("vigil-tls-").FullName;

    private string CertPath => Path.Combine(directory, "tls.crt");

    private string KeyPath => Path.Combine(directory, "tls.key");

    [Fact]
    public async Task Webhook_serves_tls_from_pem_files_and_picks_up_a_rotated_certificate()
    {
        var first = WritePair("CN=vigil-first");
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default, new MemoryFindingCache(), certificatePath: CertPath, keyPath: KeyPath);
        var url = new Uri($"https://127.0.0.1:{server.Client.BaseAddress!.Port}/healthz");

        Assert.Equal(first, await ServedThumbprintAsync(url));

        var second = WritePair("CN=vigil-second");
        string? served = null;
        for (var i = 0; i < 100 && served != second; i++)
        {
            await Task.Delay(100);
            served = await ServedThumbprintAsync(url);
        }

        Assert.Equal(second, served);
    }

    [Fact]
    public void Broken_pair_during_rotation_keeps_the_previous_certificate()
    {
        var first = WritePair("CN=vigil-first");
        using var certificate = new ReloadingCertificate(CertPath, KeyPath, NullLogger.Instance);

        File.WriteAllText(KeyPath, "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
        certificate.Reload();

        Assert.Equal(first, certificate.Current.Thumbprint);
    }

    [Fact]
    public void Missing_files_fail_at_start()
    {
        Assert.ThrowsAny<Exception>(() => new ReloadingCertificate(CertPath, KeyPath, NullLogger.Instance));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string WritePair(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // Key first, then the certificate: the reload that matters sees a matching pair.
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(CertPath, certificate.ExportCertificatePem());
        return certificate.Thumbprint;
    }

    private static async Task<string?> ServedThumbprintAsync(Uri url)
    {
        string? thumbprint = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                thumbprint = cert?.Thumbprint;
                return true;
            },
        };
        using var client = new HttpClient(handler);
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return thumbprint;
    }
}
