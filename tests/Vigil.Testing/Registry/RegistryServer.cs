using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vigil.Core;
using Vigil.Testing.Images;

namespace Vigil.Testing.Registry;

/// <summary>
/// A real CNCF Distribution registry (Debian's <c>docker-registry</c>) on 127.0.0.1 and a free port, with filesystem
/// storage in a temporary directory, deletes enabled (unless <see cref="RegistryServerOptions.DeleteEnabled"/> is false),
/// and optional htpasswd auth and notifications. Killed and its directory removed on dispose.
/// </summary>
/// <example><code>
/// await using var registry = await RegistryServer.StartAsync();
/// await image.PushAsync(registry, "team/app:1.0");
/// var source = await resolver.OpenAsync($"{registry.Address}/team/app:1.0");
/// </code></example>
public sealed class RegistryServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log;

    private RegistryServer(Process process, StringBuilder log, string directory, int port, RegistryServerOptions options)
    {
        this.process = process;
        this.log = log;
        Directory = directory;
        Port = port;
        Options = options;
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:port</c>: the registry part of image references.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary><c>http://127.0.0.1:port/</c>, or <c>https://</c> with <see cref="RegistryServerOptions.Tls"/>.</summary>
    public Uri BaseUri => new($"{(Options.Tls ? "https" : "http")}://{Address}/");

    /// <summary>The temporary directory holding config, htpasswd and storage.</summary>
    public string Directory { get; }

    /// <summary>The filesystem storage root (<c>docker/registry/v2/…</c> below it).</summary>
    public string StorageRoot => Path.Combine(Directory, "data");

    /// <summary>The options the registry was started with (credentials for tests).</summary>
    public RegistryServerOptions Options { get; }

    /// <summary>What the registry wrote to stdout and stderr so far, for failing tests.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Where the registry stores the content of a blob: overwrite it to simulate a tampered registry.</summary>
    public string BlobDataPath(Digest digest) =>
        Path.Combine(StorageRoot, "docker", "registry", "v2", "blobs", digest.Algorithm, digest.Hex[..2], digest.Hex, "data");

    /// <summary>Starts a registry and waits until <c>/v2/</c> answers.</summary>
    public static async Task<RegistryServer> StartAsync(RegistryServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RegistryServerOptions();
        var directory = System.IO.Directory.CreateTempSubdirectory("vigil-registry-").FullName;
        var port = FreePort();
        var config = new StringBuilder($$"""
            version: 0.1
            log: { level: warn }
            storage:
              filesystem: { rootdirectory: {{Path.Combine(directory, "data")}} }
              delete: { enabled: {{(options.DeleteEnabled ? "true" : "false")}} }
            http:
              addr: 127.0.0.1:{{port}}
              secret: vigil-test-secret
            """);
        config.AppendLine();
        if (options.Tls)
        {
            var (certificate, key) = await SelfSignedCertificate.WriteAsync(directory, cancellationToken);
            config.AppendLine($"  tls: {{ certificate: {certificate}, key: {key} }}");
        }

        if (options.Htpasswd is { } user)
        {
            var line = await ToolRunner.RunAsync("htpasswd", ["-Bbn", user.Username, user.Password], cancellationToken: cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, "htpasswd"), line.Trim() + "\n", cancellationToken);
            config.AppendLine($"auth:\n  htpasswd: {{ realm: vigil-test, path: {Path.Combine(directory, "htpasswd")} }}");
        }

        if (options.NotificationUrl is { } url)
        {
            config.AppendLine($"notifications:\n  events: {{ includereferences: true }}\n  endpoints:\n    - name: vigil-test\n      url: {url}\n      timeout: 2s\n      threshold: 5\n      backoff: 1s");
            if (options.NotificationHeaders.Count > 0)
            {
                config.AppendLine("      headers:");
                foreach (var (name, value) in options.NotificationHeaders)
                {
                    config.AppendLine($"        {name}: [\"{value}\"]");
                }
            }
        }

        var configPath = Path.Combine(directory, "config.yml");
        await File.WriteAllTextAsync(configPath, config.ToString(), cancellationToken);
        var log = new StringBuilder();
        var info = new ProcessStartInfo("docker-registry") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(configPath);
        var process = Process.Start(info) ?? throw new InvalidOperationException("docker-registry could not be started.");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RegistryServer(process, log, directory, port, options);
        try
        {
            await server.WaitUntilUpAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Kills the registry and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }

    private async Task WaitUntilUpAsync(CancellationToken cancellationToken)
    {
        using var handler = new HttpClientHandler();
        if (Options.Tls)
        {
            // The registry's own throwaway certificate.
            handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        }

        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited ({process.ExitCode}): {Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, "v2/"), cancellationToken);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow machine.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"docker-registry did not answer on {Address} within 30 s: {Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
