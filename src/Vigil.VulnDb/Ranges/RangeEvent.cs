using Vigil.VulnDb.Versions;

namespace Vigil.VulnDb.Ranges;

/// <summary>A parsed event; <see cref="Version"/> is null for <c>introduced: 0</c> (below everything) and <c>limit: *</c> (above everything).</summary>
internal readonly record struct RangeEvent(RangeEventKind Kind, ParsedVersion? Version, string Text);
