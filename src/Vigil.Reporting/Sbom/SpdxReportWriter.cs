using Vigil.Reporting.Writers;

namespace Vigil.Reporting.Sbom;

/// <summary>The <c>spdx-json</c> report format: the scanned inventory as an SPDX 2.3 document (SPDX 2.3 has no vulnerabilities).</summary>
public sealed class SpdxReportWriter : IReportWriter
{
    /// <inheritdoc/>
    public string Format => "spdx-json";

    /// <inheritdoc/>
    public string FileExtension => ".spdx.json";

    /// <inheritdoc/>
    public ValueTask WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return SpdxWriter.WriteAsync(output, report.Inventory, report.ToolVersion, cancellationToken);
    }
}
