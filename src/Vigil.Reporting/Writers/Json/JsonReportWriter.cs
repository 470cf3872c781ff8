using System.Text.Json;

namespace Vigil.Reporting.Writers.Json;

/// <summary>
/// Writes Vigil's own JSON report: a stable schema with a <c>schemaVersion</c> field, described in
/// <c>docs/report-formats.md</c>. It carries everything in the report, suppressed findings and their reasons included.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <inheritdoc/>
    public string Format => "json";

    /// <inheritdoc/>
    public string FileExtension => ".json";

    /// <inheritdoc/>
    public async ValueTask WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await JsonSerializer.SerializeAsync(output, JsonReportMapper.Map(report), JsonReportContext.Default.JsonReportDocument, cancellationToken)
            .ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
