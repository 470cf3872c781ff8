using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Vigil.Reporting.Writers.Sarif;

/// <summary>
/// Writes SARIF 2.1.0 for GitHub code scanning (<c>github/codeql-action/upload-sarif</c>): a rule per vulnerability id with
/// help and <c>security-severity</c>, a result per remaining finding with a level from its severity, a location at the
/// file the package was found in, and a partial fingerprint. Suppressed findings are left out.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    // Reports are files, not HTML: keep '&', '<' and '+' readable in purls and titles instead of \u0026-escaping them.
    private static readonly JsonTypeInfo<SarifLog> TypeInfo = (JsonTypeInfo<SarifLog>)new JsonSerializerOptions(SarifJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.GetTypeInfo(typeof(SarifLog));

    /// <inheritdoc/>
    public string Format => "sarif";

    /// <inheritdoc/>
    public string FileExtension => ".sarif";

    /// <inheritdoc/>
    public async ValueTask WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await JsonSerializer.SerializeAsync(output, SarifMapper.Map(report), TypeInfo, cancellationToken)
            .ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
