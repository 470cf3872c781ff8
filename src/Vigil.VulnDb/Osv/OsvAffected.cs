using System.Text.Json;

namespace Vigil.VulnDb.Osv;

/// <summary>One affected package of an OSV record with its ranges and explicit versions.</summary>
public sealed record OsvAffected
{
    /// <summary>The package; null only for GIT-only entries.</summary>
    public OsvPackage? Package { get; init; }

    /// <summary>Version ranges.</summary>
    public IReadOnlyList<OsvRange>? Ranges { get; init; }

    /// <summary>Explicitly enumerated affected versions.</summary>
    public IReadOnlyList<string>? Versions { get; init; }

    /// <summary>Per-package severity, which wins over the record's.</summary>
    public IReadOnlyList<OsvSeverity>? Severity { get; init; }

    /// <summary>Ecosystem data (Debian <c>urgency</c>, Go <c>imports</c>).</summary>
    public JsonElement? EcosystemSpecific { get; init; }

    /// <summary>Database data for this package.</summary>
    public JsonElement? DatabaseSpecific { get; init; }
}
