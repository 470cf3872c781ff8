using System.Text.Json;

namespace Vigil.Reporting.Writers.Sarif;

/// <summary>
/// Writes SARIF 2.1.0 for GitHub code scanning (<c>github/codeql-action/upload-sarif</c>): a rule per vulnerability id with
/// help and <c>security-severity</c>, a result per remaining finding with a level from its severity, a location at the
/// file the package was found in, and a partial fingerprint. Suppressed findings are left out.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    /// <inheritdoc/>
    public string Format => "sarif";

    /// <inheritdoc/>
    public string FileExtension => ".sarif";

    /// <inheritdoc/>
    public async ValueTask WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await JsonSerializer.SerializeAsync(output, SarifMapper.Map(report), SarifJsonContext.Default.SarifLog, cancellationToken)
            .ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
