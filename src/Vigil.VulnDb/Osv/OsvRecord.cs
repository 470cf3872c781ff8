using System.Text.Json;

namespace Vigil.VulnDb.Osv;

/// <summary>One OSV vulnerability record (<see href="https://ossf.github.io/osv-schema/"/>), as far as Vigil reads it.</summary>
public sealed record OsvRecord
{
    /// <summary>The record id (<c>GHSA-…</c>, <c>CVE-…</c>, <c>DSA-…</c>).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>When the record last changed.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>When the record was first published.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When the record was withdrawn; withdrawn records are never stored.</summary>
    public DateTimeOffset? Withdrawn { get; init; }

    /// <summary>Other ids of the same vulnerability.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>Ids of closely related, but different, vulnerabilities (DSA ↔ CVE in Debian records).</summary>
    public IReadOnlyList<string>? Upstream { get; init; }

    /// <summary>One line for people.</summary>
    public string? Summary { get; init; }

    /// <summary>The full description (Markdown).</summary>
    public string? Details { get; init; }

    /// <summary>Record-level severity scores (CVSS vectors or a distribution's rating).</summary>
    public IReadOnlyList<OsvSeverity>? Severity { get; init; }

    /// <summary>The affected packages.</summary>
    public IReadOnlyList<OsvAffected>? Affected { get; init; }

    /// <summary>Links.</summary>
    public IReadOnlyList<OsvReference>? References { get; init; }

    /// <summary>Free-form data of the publishing database (GHSA writes <c>severity</c> here).</summary>
    public JsonElement? DatabaseSpecific { get; init; }
}
