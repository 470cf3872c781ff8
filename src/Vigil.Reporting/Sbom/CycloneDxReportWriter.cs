using Vigil.Reporting.Writers;

namespace Vigil.Reporting.Sbom;

/// <summary>The <c>cyclonedx</c> report format: the scanned inventory as a CycloneDX 1.6 BOM with its findings as vulnerabilities.</summary>
public sealed class CycloneDxReportWriter : IReportWriter
{
    /// <inheritdoc/>
    public string Format => "cyclonedx";

    /// <inheritdoc/>
    public string FileExtension => ".cdx.json";

    /// <inheritdoc/>
    public ValueTask WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CycloneDxWriter.WriteAsync(output, report.Inventory, report.Findings, report.ToolVersion, cancellationToken);
    }
}
