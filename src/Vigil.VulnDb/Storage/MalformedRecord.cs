namespace Vigil.VulnDb.Storage;

/// <summary>A document that violated the OSV schema.</summary>
/// <param name="Id">The record id, or the document's origin when it has none.</param>
/// <param name="Problems">What was wrong.</param>
/// <param name="Skipped">True when nothing usable remained and the record was not stored.</param>
public sealed record MalformedRecord(string Id, IReadOnlyList<string> Problems, bool Skipped);
