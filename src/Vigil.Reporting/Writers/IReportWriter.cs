namespace Vigil.Reporting.Writers;

/// <summary>Writes a <see cref="ScanReport"/> in one format. Implementations are stateless and safe to share.</summary>
public interface IReportWriter
{
    /// <summary>The format name used on the command line (<c>table</c>, <c>json</c>, <c>sarif</c>…), lower case.</summary>
    string Format { get; }

    /// <summary>The usual file extension including the dot (<c>.sarif</c>), for defaults and help.</summary>
    string FileExtension { get; }

    /// <summary>Writes the report to <paramref name="output"/> as UTF-8 (no BOM); the stream is flushed, not closed.</summary>
    ValueTask WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken);
}
