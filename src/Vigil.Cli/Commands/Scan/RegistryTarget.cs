using System.Diagnostics.CodeAnalysis;
using Vigil.Core.Images;

namespace Vigil.Cli.Commands.Scan;

/// <summary>
/// Tells a registry reference from a local image path the way the image resolver does, for the options that act on
/// the registry (<c>--wait</c>, <c>--delete-on-fail</c>, credentials).
/// </summary>
public static class RegistryTarget
{
    private static readonly string[] LocalPrefixes = ["oci:", "oci-archive:", "docker-archive:", "dir:"];
    private static readonly string[] RegistryPrefixes = ["docker://", "registry:"];

    /// <summary>Whether <paramref name="target"/> names an image in a registry rather than a file or directory.</summary>
    public static bool TryParse(string target, [NotNullWhen(true)] out ImageReference? reference)
    {
        ArgumentNullException.ThrowIfNull(target);
        reference = null;
        if (RegistryPrefixes.FirstOrDefault(p => target.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
        {
            return ImageReference.TryParse(target[prefix.Length..], out reference);
        }

        if (LocalPrefixes.Any(p => target.StartsWith(p, StringComparison.Ordinal)) || File.Exists(target) || Directory.Exists(target))
        {
            return false;
        }

        // DIR:TAG picks a tag of an OCI layout directory.
        var colon = target.LastIndexOf(':');
        if (colon > 0 && Directory.Exists(target[..colon]))
        {
            return false;
        }

        return ImageReference.TryParse(target, out reference);
    }
}
