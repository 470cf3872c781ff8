using System.Text;

namespace Vigil.Analyzers.PyPi;

/// <summary>Parses the email-header style core metadata of an installed Python distribution (METADATA, PKG-INFO).</summary>
public static class PythonMetadataParser
{
    /// <summary>A distribution's name as written, version and licence.</summary>
    public sealed record Metadata(string Name, string Version, string? License);

    /// <summary>The metadata, or null when Name or Version is missing. Only the header block is read (the body is the README).</summary>
    public static async Task<Metadata?> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        string? name = null, version = null, license = null, licenseExpression = null, classifierLicense = null;
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null && line.Length > 0)
        {
            if (line.Contains('\0', StringComparison.Ordinal))
            {
                throw new InvalidDataException("metadata holds binary data");
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[0] is ' ' or '\t')
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            switch (line[..colon].Trim().ToLowerInvariant())
            {
                case "name": name ??= value; break;
                case "version": version ??= value; break;
                case "license": license ??= value; break;
                case "license-expression": licenseExpression ??= value; break;
                case "classifier" when value.StartsWith("License :: OSI Approved :: ", StringComparison.Ordinal):
                    classifierLicense ??= value["License :: OSI Approved :: ".Length..];
                    break;
            }
        }

        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
        {
            return null;
        }

        var chosen = licenseExpression ?? (string.IsNullOrEmpty(license) || license == "UNKNOWN" ? classifierLicense : license);
        return new Metadata(name, version, string.IsNullOrEmpty(chosen) ? null : chosen);
    }
}
