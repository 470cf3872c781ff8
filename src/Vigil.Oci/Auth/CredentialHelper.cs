using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Vigil.Oci.Registry;

namespace Vigil.Oci.Auth;

/// <summary>
/// Runs a docker credential helper (<c>docker-credential-NAME get</c>, the protocol of docker's <c>credsStore</c> and
/// <c>credHelpers</c>: the server URL on stdin, <c>{"Username","Secret"}</c> on stdout), as ECR, GCR, ACR and desktop
/// keychains require.
/// </summary>
/// <remarks>
/// The helper's output is never logged or put in a message: it holds the secret. Thread-safe.
/// </remarks>
public sealed class CredentialHelper
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string? searchPath;

    /// <summary>Creates a runner that finds helpers on <paramref name="searchPath"/> (a PATH-style list; null for PATH).</summary>
    public CredentialHelper(string? searchPath = null) => this.searchPath = searchPath;

    /// <summary>
    /// Asks helper <paramref name="name"/> for <paramref name="registry"/>'s credential; null when the helper has none
    /// (it answers "credentials not found").
    /// </summary>
    /// <exception cref="RegistryException">The helper is missing, fails, times out or answers something unreadable.</exception>
    public async Task<RegistryCredential?> GetAsync(string name, string registry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        var program = "docker-credential-" + name;
        var path = Find(program) ?? throw Fail(
            registry,
            $"The docker config names credential helper '{name}' for {registry}, but '{program}' is not on the PATH.");

        using var process = new Process
        {
            StartInfo = new ProcessStartInfo(path, "get")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw Fail(registry, $"Credential helper '{program}' could not be started: {ex.Message}", ex);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            // Docker asks for Docker Hub by its legacy URL; other registries by host name.
            try
            {
                await process.StandardInput.WriteAsync(registry == "docker.io" ? "https://index.docker.io/v1/" : registry);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The helper exited without reading its input (a broken pipe): its exit code and stderr tell why.
            }

            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                var message = (await error).Trim() is { Length: > 0 } e ? e : (await output).Trim();
                if (message.Contains("credentials not found", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                // Helpers print plain errors, not secrets, on failure; still, keep only the first line and cap it.
                var firstLine = message.Split('\n')[0];
                throw Fail(registry, $"Credential helper '{program}' failed for {registry} (exit code {process.ExitCode}): {firstLine[..Math.Min(firstLine.Length, 200)]}");
            }

            return Parse(await output, program, registry);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw Fail(registry, $"Credential helper '{program}' did not answer for {registry} within {Timeout.TotalSeconds:0} s.");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static RegistryCredential? Parse(string output, string program, string registry)
    {
        try
        {
            using var document = JsonDocument.Parse(output);
            var root = document.RootElement;
            var username = root.TryGetProperty("Username", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            var secret = root.TryGetProperty("Secret", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            return string.IsNullOrEmpty(secret) ? null : new RegistryCredential(username ?? string.Empty, secret);
        }
        catch (JsonException ex)
        {
            // The message must not quote the output: it may hold the secret.
            throw Fail(registry, $"Credential helper '{program}' answered for {registry} with something that is not JSON.", ex);
        }
    }

    private static RegistryException Fail(string registry, string message, Exception? inner = null) =>
        new(RegistryErrorKind.Unauthorized, registry, null, null, message, inner);

    private string? Find(string program)
    {
        var directories = (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }
}
