using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.Gates.Hosting;

/// <summary>Builds the Kestrel host shared by the gates: one address and port, HTTPS from a reloading PEM pair when given.</summary>
public static class GateWebHost
{
    /// <summary>Creates a builder listening on <paramref name="address"/>:<paramref name="port"/> (0 picks a free port).</summary>
    public static WebApplicationBuilder CreateBuilder(string address, int port, string? certificatePath, string? keyPath, ILoggerFactory? loggerFactory = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        ReloadingCertificate? certificate = null;
        if (certificatePath is not null && keyPath is not null)
        {
            certificate = new ReloadingCertificate(certificatePath, keyPath, (loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger<ReloadingCertificate>());
            builder.Services.AddSingleton(certificate);
        }
        else if (certificatePath is not null || keyPath is not null)
        {
            throw new ArgumentException("Both a certificate and a key file are needed for TLS.");
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
            kestrel.Listen(IPAddress.Parse(address), port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(https => https.ServerCertificateSelector = (_, _) => certificate.Current);
                }
            });
        });
        return builder;
    }

    /// <summary>The addresses a started application listens on (with the real port when 0 was asked for).</summary>
    public static IReadOnlyList<Uri> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var feature = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        return feature?.Addresses.Select(a => new Uri(a)).ToList() ?? [];
    }
}
