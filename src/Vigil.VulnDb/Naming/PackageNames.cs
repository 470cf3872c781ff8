namespace Vigil.VulnDb.Naming;

/// <summary>
/// The name key under which advisories are stored and looked up, so that spellings an ecosystem treats as equal meet:
/// PyPI names per PEP 503, NuGet and Packagist case-insensitively, everything else (npm, Go, Maven <c>group:artifact</c>,
/// distribution packages) exactly.
/// </summary>
public static class PackageNames
{
    /// <summary>The lookup key of <paramref name="name"/> in the ecosystem with base name <paramref name="ecosystemName"/>.</summary>
    public static string Normalize(string ecosystemName, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = name.Trim();
        return ecosystemName switch
        {
            "PyPI" => Pep503(name),
            "NuGet" or "Packagist" => name.ToLowerInvariant(),

            // Maven coordinates are written group:artifact; some tools write group/artifact.
            "Maven" => name.Replace('/', ':'),
            _ => name,
        };
    }

    private static string Pep503(string name)
    {
        // PEP 503: lower case, and any run of '-', '_' or '.' becomes a single '-'.
        var builder = new System.Text.StringBuilder(name.Length);
        var inRun = false;
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.')
            {
                if (!inRun)
                {
                    builder.Append('-');
                }

                inRun = true;
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
                inRun = false;
            }
        }

        return builder.ToString();
    }
}
