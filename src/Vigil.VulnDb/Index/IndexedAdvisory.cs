using Vigil.VulnDb.Osv;

namespace Vigil.VulnDb.Index;

/// <summary>A record and its affected entries for one looked-up package, ranges compiled.</summary>
/// <param name="Record">The OSV record.</param>
/// <param name="Entries">The affected entries for the looked-up package (one per release or range set).</param>
public sealed record IndexedAdvisory(OsvRecord Record, IReadOnlyList<IndexedAffected> Entries);
