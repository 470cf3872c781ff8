using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Vigil.Reporting.Writers.Json;

/// <summary>
/// Writes Vigil's own JSON report: a stable schema with a <c>schemaVersion</c> field, described in
/// <c>docs/report-formats.md</c>. It carries everything in the report, suppressed findings and their reasons included.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    // Reports are files, not HTML: keep '&', '<' and '+' readable in purls and titles instead of \u0026-escaping them.
    private static readonly JsonTypeInfo<JsonReportDocument> TypeInfo = (JsonTypeInfo<JsonReportDocument>)new JsonSerializerOptions(JsonReportContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.GetTypeInfo(typeof(JsonReportDocument));

    /// <inheritdoc/>
    public string Format => "json";

    /// <inheritdoc/>
    public string FileExtension => ".json";

    /// <inheritdoc/>
    public async ValueTask WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await JsonSerializer.SerializeAsync(output, JsonReportMapper.Map(report), TypeInfo, cancellationToken)
            .ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
