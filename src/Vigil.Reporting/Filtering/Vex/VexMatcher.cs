using Vigil.Core;

namespace Vigil.Reporting.Filtering.Vex;

/// <summary>
/// Finds the VEX statement that decides a finding. A statement applies when its vulnerability name or an alias equals the
/// finding's id or an alias, and one of its products is the finding's package (by purl), or is the scanned artifact
/// (an image reference or <c>pkg:oci</c> purl) with no subcomponents or with a subcomponent that is the package.
/// Of several applicable statements the latest (by timestamp, then by order) wins, as OpenVEX specifies.
/// </summary>
internal sealed class VexMatcher(IReadOnlyList<VexStatement> statements, ArtifactInfo? artifact)
{
    private readonly ILookup<string, (VexStatement Statement, int Order)> _byVulnerability = statements
        .SelectMany((s, order) => s.Aliases.Prepend(s.Vulnerability).Distinct(StringComparer.OrdinalIgnoreCase).Select(id => (id, s, order)))
        .ToLookup(x => x.id, x => (x.s, x.order), StringComparer.OrdinalIgnoreCase);

    public VexStatement? Decide(Finding finding)
    {
        var candidates = finding.Aliases.Prepend(finding.Id)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(id => _byVulnerability[id])
            .Where(c => c.Statement.Products.Any(p => Applies(p, finding.Package)))
            .DistinctBy(c => c.Order);
        return candidates
            .OrderBy(c => c.Statement.Timestamp ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.Order)
            .Select(c => c.Statement)
            .LastOrDefault();
    }

    private bool Applies(VexProduct product, Package package) =>
        product.Ids.Any(id => IsPackage(id, package) || IsArtifact(id))
        && (product.Subcomponents.Count == 0 || product.Subcomponents.Any(id => IsPackage(id, package)));

    private static bool IsPackage(string id, Package package) =>
        PurlPattern.TryParse(id, out var pattern) && !pattern.Type.Equals("oci", StringComparison.OrdinalIgnoreCase) && pattern.Matches(package.Purl);

    private bool IsArtifact(string id)
    {
        if (artifact is null)
        {
            return false;
        }

        if (!PurlPattern.TryParse(id, out var pattern))
        {
            // A plain image reference: the name the user scanned, its repository, or repository@digest.
            return id == artifact.Name || id == artifact.Repository
                || (artifact.ManifestDigest is { } manifest && id == $"{artifact.Repository}@{manifest}");
        }

        if (!pattern.Type.Equals("oci", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // pkg:oci/<last repository segment>@<digest>?repository_url=<repository>: the digest pins the image exactly.
        var repository = artifact.Repository ?? artifact.Name;
        var lastSegment = repository.Split('/')[^1].Split(':')[0].Split('@')[0];
        var digests = new[] { artifact.ManifestDigest?.ToString(), artifact.ConfigDigest?.ToString() };
        return pattern.Name.Equals(lastSegment, StringComparison.OrdinalIgnoreCase)
            && (pattern.Version is null || digests.Contains(pattern.Version, StringComparer.Ordinal))
            && (!pattern.Qualifiers.TryGetValue("repository_url", out var url) || SameRepository(url, repository));
    }

    private static bool SameRepository(string a, string b) =>
        Normalize(a).Equals(Normalize(b), StringComparison.OrdinalIgnoreCase);

    // docker.io/library/nginx, index.docker.io/library/nginx and nginx are one repository.
    private static string Normalize(string repository)
    {
        var name = repository.Split('@')[0];
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        name = colon > slash ? name[..colon] : name;
        foreach (var prefix in new[] { "index.docker.io/", "docker.io/" })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[prefix.Length..];
            }
        }

        return name.StartsWith("library/", StringComparison.OrdinalIgnoreCase) ? name["library/".Length..] : name;
    }
}
