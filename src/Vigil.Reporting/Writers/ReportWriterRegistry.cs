using System.Diagnostics.CodeAnalysis;
using Vigil.Reporting.Sbom;
using Vigil.Reporting.Writers.Json;
using Vigil.Reporting.Writers.JUnit;
using Vigil.Reporting.Writers.Markdown;
using Vigil.Reporting.Writers.Sarif;
using Vigil.Reporting.Writers.Table;

namespace Vigil.Reporting.Writers;

/// <summary>The report formats by name: one explicit list, a duplicate name is an error.</summary>
public sealed class ReportWriterRegistry
{
    private readonly Dictionary<string, IReportWriter> _writers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a registry holding the given writers.</summary>
    /// <exception cref="ArgumentException">Two writers have the same format name.</exception>
    public ReportWriterRegistry(IEnumerable<IReportWriter> writers)
    {
        ArgumentNullException.ThrowIfNull(writers);
        foreach (var writer in writers)
        {
            Add(writer);
        }
    }

    /// <summary>The built-in formats: table, json, sarif, markdown, junit, cyclonedx, spdx-json.</summary>
    public static ReportWriterRegistry CreateDefault(TableReportOptions? tableOptions = null) => new(
    [
        new TableReportWriter(tableOptions ?? new TableReportOptions()),
        new JsonReportWriter(),
        new SarifReportWriter(),
        new MarkdownReportWriter(),
        new JUnitReportWriter(),
        new CycloneDxReportWriter(),
        new SpdxReportWriter(),
    ]);

    /// <summary>The registered format names, in registration order.</summary>
    public IReadOnlyList<string> Formats => [.. _writers.Values.Select(w => w.Format)];

    /// <summary>Adds a writer.</summary>
    /// <exception cref="ArgumentException">A writer with the same format name is already registered.</exception>
    public void Add(IReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!_writers.TryAdd(writer.Format, writer))
        {
            throw new ArgumentException($"A report writer for format '{writer.Format}' is already registered.", nameof(writer));
        }
    }

    /// <summary>Finds the writer for a format name (case-insensitive).</summary>
    public bool TryGet(string format, [NotNullWhen(true)] out IReportWriter? writer) =>
        _writers.TryGetValue(format ?? string.Empty, out writer);

    /// <summary>The writer for a format name.</summary>
    /// <exception cref="KeyNotFoundException">No such format; the message lists the known ones.</exception>
    public IReportWriter Get(string format) => TryGet(format, out var writer)
        ? writer
        : throw new KeyNotFoundException($"Unknown report format '{format}': expected one of {string.Join(", ", Formats)}.");
}
