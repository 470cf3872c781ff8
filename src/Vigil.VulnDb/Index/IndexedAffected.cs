using Vigil.Core;
using Vigil.VulnDb.Ranges;

namespace Vigil.VulnDb.Index;

/// <summary>One affected entry of a record with its ecosystem parsed and its ranges compiled.</summary>
/// <param name="Ecosystem">The entry's ecosystem, with release (<c>Debian:12</c>).</param>
/// <param name="Evaluator">The compiled ranges and versions.</param>
public sealed record IndexedAffected(Ecosystem Ecosystem, AffectedPackageEvaluator Evaluator);
