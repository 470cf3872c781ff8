using Vigil.VulnDb.Index;
using Vigil.VulnDb.Osv;

namespace Vigil.Scanning.Matching.Shared;

/// <summary>One record that affects a package, before aliases are merged into findings.</summary>
/// <param name="Record">The record.</param>
/// <param name="Entry">The affected entry that matched.</param>
/// <param name="FixedVersion">The lowest fixed version above the installed one in that entry, or null.</param>
public sealed record AdvisoryHit(OsvRecord Record, IndexedAffected Entry, string? FixedVersion);
