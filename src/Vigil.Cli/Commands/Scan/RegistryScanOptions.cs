using System.CommandLine;

namespace Vigil.Cli.Commands.Scan;

/// <summary>
/// The options of <c>vigil scan image REF</c> that only make sense for a registry image: waiting for a push, deleting a
/// failed image, and registry credentials.
/// </summary>
public static class RegistryScanOptions
{
    /// <summary><c>--wait</c>: poll until the tag exists, bounded by <c>--timeout</c>.</summary>
    public static Option<bool> Wait { get; } = new("--wait")
    {
        Description = "Wait until the image exists in the registry (a tag just pushed), polling with backoff; "
            + "bounded by --timeout (default 10 minutes when --timeout is not given), exit code 4 when it never appears.",
    };

    /// <summary><c>--delete-on-fail</c>: delete the scanned manifest by digest when findings remain after filters.</summary>
    public static Option<bool> DeleteOnFail { get; } = new("--delete-on-fail")
    {
        Description = "When findings remain after filters, delete the scanned manifest (by digest) from the registry "
            + "through the Distribution API, so a vulnerable image does not stay pullable. Registry images only.",
    };

    /// <summary><c>--username</c>: registry user for this image's registry (with <c>--password-stdin</c> or <c>VIGIL_PASSWORD</c>).</summary>
    public static Option<string?> Username { get; } = new("--username", "-u")
    {
        Description = "Registry user name for the image's registry; the password comes from --password-stdin or "
            + "VIGIL_PASSWORD (or a file named by VIGIL_PASSWORD_FILE), never from the command line.",
    };

    /// <summary><c>--password-stdin</c>: read the registry password (or token) from standard input.</summary>
    public static Option<bool> PasswordStdin { get; } = new("--password-stdin")
    {
        Description = "Read the registry password or token from standard input (needs --username).",
    };

    /// <summary><c>--insecure-registry</c>, repeatable: registries reached without certificate checks, or over plain HTTP.</summary>
    public static Option<string[]> InsecureRegistry { get; } = new("--insecure-registry")
    {
        Description = "Registry (host:port) whose TLS certificate is not verified, or reached over plain HTTP if it has no TLS, as Docker does; repeatable. Loopback registries always are.",
    };

    /// <summary><c>--registry-config</c>: the docker <c>config.json</c> to read credentials from.</summary>
    public static Option<FileInfo?> RegistryConfig { get; } = new("--registry-config")
    {
        Description = "Docker config.json with registry credentials (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json).",
    };

    /// <summary>All registry options, in help order.</summary>
    public static IReadOnlyList<Option> All { get; } = [Wait, DeleteOnFail, Username, PasswordStdin, InsecureRegistry, RegistryConfig];

    /// <summary>
    /// The options that act on the registry (<c>--wait</c>, <c>--delete-on-fail</c>) set on <paramref name="result"/>, for
    /// the "registry images only" usage error. Credentials are not among them: a pipeline may set them for every scan.
    /// </summary>
    public static IEnumerable<string> RegistryActionsGiven(System.CommandLine.Parsing.CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new Option<bool>[] { Wait, DeleteOnFail }.Where(o => result.GetValue(o)).Select(o => o.Name);
    }
}
