using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Vigil.Core;
using Vigil.Core.Images;
using Vigil.Oci;
using Vigil.Oci.Auth;
using Vigil.Oci.Registry;

namespace Vigil.Cli.Commands.Scan;

/// <summary>
/// What <c>vigil scan image</c> does around the scan when it names a registry image: credentials and insecure
/// registries, <c>--wait</c> for the tag, pinning the tag to its digest, and <c>--delete-on-fail</c> of that digest.
/// </summary>
public sealed class RegistryScan
{
    /// <summary>How long <c>--wait</c> waits when <c>--timeout</c> is not given.</summary>
    public static TimeSpan DefaultWaitLimit { get; } = TimeSpan.FromMinutes(10);

    private readonly ImageReference? reference;
    private readonly RegistryCredential? credential;
    private readonly string[] insecureRegistries;
    private readonly string? dockerConfigPath;
    private readonly bool wait;
    private readonly bool deleteOnFail;
    private readonly TimeSpan? timeout;
    private Digest? pinned;

    private RegistryScan(ImageReference? reference, RegistryCredential? credential, ParseResult parseResult)
    {
        this.reference = reference;
        this.credential = credential;
        insecureRegistries = parseResult.GetValue(RegistryScanOptions.InsecureRegistry) ?? [];
        dockerConfigPath = parseResult.GetValue(RegistryScanOptions.RegistryConfig)?.FullName;
        wait = parseResult.GetValue(RegistryScanOptions.Wait);
        deleteOnFail = parseResult.GetValue(RegistryScanOptions.DeleteOnFail);
        timeout = parseResult.GetValue(ScanCommandOptions.Timeout);
    }

    /// <summary>Reads the registry options of <c>vigil scan image</c>; <paramref name="target"/> is the reference or the <c>--input</c> path.</summary>
    public static async Task<RegistryScan> BindAsync(ParseResult parseResult, string target, bool fromInput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var reference = !fromInput && RegistryTarget.TryParse(target, out var parsed) ? parsed : null;
        var credential = await RegistryCredentialReader.ReadAsync(parseResult, Console.In, Environment.GetEnvironmentVariable, cancellationToken);
        return new RegistryScan(reference, credential, parseResult);
    }

    /// <summary>Applies <c>--insecure-registry</c> and <c>--registry-config</c>.</summary>
    public void ConfigureOci(OciOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var registry in insecureRegistries)
        {
            options.InsecureRegistries.Add(registry);
        }

        if (dockerConfigPath is not null)
        {
            options.DockerConfigPath = dockerConfigPath;
        }
    }

    /// <summary>Puts the command-line credential in front of docker config.json for the image's registry.</summary>
    public void ConfigureServices(IServiceCollection services)
    {
        if (credential is null || reference is null)
        {
            return;
        }

        var registry = reference.Registry;
        var given = credential;
        services.Replace(ServiceDescriptor.Singleton<IRegistryCredentialProvider>(sp =>
            new CommandLineCredentialProvider(registry, given, ActivatorUtilities.CreateInstance<DockerConfigCredentialProvider>(sp))));
    }

    /// <summary>
    /// Waits for the tag (<c>--wait</c>) and, for <c>--delete-on-fail</c>, pins it to the digest it points to now, so that
    /// the manifest deleted is exactly the one scanned even if the tag moves meanwhile. Returns the input to scan.
    /// </summary>
    /// <param name="services">The command's services.</param>
    /// <param name="started">When the command started (<see cref="TimeProvider.GetTimestamp"/>): <c>--timeout</c> counts from there.</param>
    /// <param name="target">The image as the user named it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<string> PrepareAsync(IServiceProvider services, long started, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (reference is null || !(wait || deleteOnFail))
        {
            return target;
        }

        var client = await services.GetRequiredService<RegistryClientFactory>().CreateAsync(reference.Registry, cancellationToken: cancellationToken);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<RegistryScan>();
        if (wait)
        {
            var timeProvider = services.GetRequiredService<TimeProvider>();
            var limit = timeout ?? DefaultWaitLimit;
            var deadline = started + (long)(limit.TotalSeconds * timeProvider.TimestampFrequency);
            await new TagWaiter(client, timeProvider, logger).WaitAsync(reference, deadline, limit, cancellationToken);
        }

        if (!deleteOnFail)
        {
            return target;
        }

        pinned = await client.GetManifestDigestAsync(reference.Repository, reference.ManifestReference, cancellationToken)
            ?? throw new RegistryException(RegistryErrorKind.NotFound, reference.Registry, reference.Repository, System.Net.HttpStatusCode.NotFound,
                $"Not found on {reference.Registry}: manifest '{reference.ManifestReference}' in repository '{reference.Repository}'.");
        logger.LogInformation("Scanning {Image} as {Digest} (pinned for --delete-on-fail)", reference, pinned);
        return reference.WithDigest(pinned.Value).ToString();
    }

    /// <summary>With <c>--delete-on-fail</c>, deletes the scanned manifest when <paramref name="findings"/> remain.</summary>
    public async Task DeleteIfFailedAsync(IServiceProvider services, int findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!deleteOnFail || findings == 0 || reference is null || pinned is null)
        {
            return;
        }

        var client = await services.GetRequiredService<RegistryClientFactory>().CreateAsync(reference.Registry, cancellationToken: cancellationToken);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<RegistryScan>();
        await new FailedImageDeleter(client, logger).DeleteAsync(reference, pinned.Value, findings, cancellationToken);
    }
}
