using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Cli.Infrastructure;
using Vigil.Kubernetes.Abstractions;
using Vigil.Scanning.Pipeline;

namespace Vigil.Cli.Commands.Controller;

/// <summary>
/// <see cref="IImageScanner"/> over the real pipeline. Each scan gets its own OCI settings: the node's platform, and the
/// pod's pull secrets merged into a private, temporary docker <c>config.json</c> that is deleted afterwards.
/// </summary>
public sealed class EngineImageScanner(ParseResult parseResult) : IImageScanner
{
    /// <inheritdoc/>
    public async Task<ImageScanResult> ScanAsync(ImageScanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var directory = Directory.CreateTempSubdirectory("vigil-pull-");
        try
        {
            string? configPath = null;
            if (request.PullSecrets.Count > 0)
            {
                configPath = Path.Combine(directory.FullName, "config.json");
                await WriteDockerConfigAsync(configPath, request.PullSecrets, cancellationToken);
            }

            await using var services = VigilServices.Build(parseResult, o =>
            {
                o.Platform = request.Platform;
                if (configPath is not null)
                {
                    o.DockerConfigPath = configPath;
                }
            });
            var outcome = await services.GetRequiredService<ScanService>().ScanImageAsync(request.ImageReference, new ScanRequestOptions(), null, cancellationToken);
            return new ImageScanResult(outcome.Inventory, outcome.Findings, outcome.Database.Fingerprint);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Merges the secrets' <c>auths</c>; the first secret naming a registry wins, as the kubelet does.</summary>
    internal static async Task WriteDockerConfigAsync(string path, IReadOnlyList<PullSecret> secrets, CancellationToken cancellationToken)
    {
        var auths = new JsonObject();
        foreach (var secret in secrets)
        {
            try
            {
                if (JsonNode.Parse(secret.DockerConfigJson.Span)?["auths"] is JsonObject entries)
                {
                    foreach (var (registry, value) in entries)
                    {
                        if (!auths.ContainsKey(registry))
                        {
                            auths[registry] = value?.DeepClone();
                        }
                    }
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // A malformed secret is skipped; never echo its content.
            }
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["auths"] = auths }.ToJsonString()), cancellationToken);
    }
}
