namespace Vigil.VulnDb.Osv;

/// <summary>One raw OSV JSON document and where it came from (a zip entry name, a file path, a URL).</summary>
/// <param name="Origin">Where the document came from, for messages.</param>
/// <param name="Content">The UTF-8 JSON bytes.</param>
public sealed record OsvDocument(string Origin, ReadOnlyMemory<byte> Content);
