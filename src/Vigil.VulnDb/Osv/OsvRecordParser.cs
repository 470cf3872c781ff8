using System.Text.Json;

namespace Vigil.VulnDb.Osv;

/// <summary>Reads OSV JSON documents into <see cref="OsvRecord"/>s, validating them against the parts of the schema Vigil relies on.</summary>
/// <remarks>Never throws on bad input: problems are returned in the <see cref="OsvParseResult"/>.</remarks>
public static class OsvRecordParser
{
    /// <summary>Parses and validates one UTF-8 JSON document.</summary>
    public static OsvParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        OsvRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(utf8Json, OsvJsonContext.Default.OsvRecord);
        }
        catch (JsonException e)
        {
            return new OsvParseResult(null, [$"not a valid OSV document: {e.Message}"]);
        }

        return record is null ? new OsvParseResult(null, ["the document is JSON null"]) : OsvRecordValidator.Validate(record);
    }

    /// <summary>Writes a record as compact JSON (the form the store keeps).</summary>
    public static byte[] ToUtf8Json(OsvRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, OsvJsonContext.Default.OsvRecord);
}
