using System.Globalization;
using System.Text.Json;
using Vigil.Core;

namespace Vigil.Reporting.Filtering.Vex;

/// <summary>
/// An OpenVEX document (<c>https://openvex.dev/ns/v0.2.0</c>) read into statements. Parsing is lenient where the
/// meaning is clear (a vulnerability or product written as a plain string, as in earlier OpenVEX drafts) and turns
/// anything malformed into a warning: a bad statement is skipped, a bad document yields no statements.
/// </summary>
public sealed class OpenVexDocument
{
    /// <summary>Documents larger than this are refused with a warning.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    private OpenVexDocument(string source, string? id, IReadOnlyList<VexStatement> statements, IReadOnlyList<ScanWarning> warnings)
    {
        Source = source;
        Id = id;
        Statements = statements;
        Warnings = warnings;
    }

    /// <summary>Where it was read from.</summary>
    public string Source { get; }

    /// <summary>The document's <c>@id</c>, or null.</summary>
    public string? Id { get; }

    /// <summary>The valid statements, in document order.</summary>
    public IReadOnlyList<VexStatement> Statements { get; }

    /// <summary>What was skipped and why.</summary>
    public IReadOnlyList<ScanWarning> Warnings { get; }

    /// <summary>Reads and parses a document; a missing file throws <see cref="FileNotFoundException"/>.</summary>
    public static async Task<OpenVexDocument> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"VEX document '{path}' does not exist.", path);
        }

        if (info.Length > MaxBytes)
        {
            return new OpenVexDocument(path, null, [], [new ScanWarning(path, $"VEX document is larger than {MaxBytes} bytes; not used.")]);
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(bytes, path);
    }

    /// <summary>Parses a document from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="source">Its path or name, used in warnings and as the statements' source when it has no <c>@id</c>.</param>
    public static OpenVexDocument Parse(ReadOnlyMemory<byte> utf8Json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return new OpenVexDocument(source, null, [], [new ScanWarning(source, $"Not valid JSON ({e.Message}); no statements used.")]);
        }

        using (json)
        {
            return Read(json.RootElement, source);
        }
    }

    private static OpenVexDocument Read(JsonElement root, string source)
    {
        var warnings = new List<ScanWarning>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new OpenVexDocument(source, null, [], [new ScanWarning(source, "A VEX document must be a JSON object; no statements used.")]);
        }

        var context = String(root, "@context");
        if (context is null || !context.StartsWith("https://openvex.dev/ns", StringComparison.Ordinal))
        {
            warnings.Add(new ScanWarning(source, $"'@context' is '{context}', not an OpenVEX context (https://openvex.dev/ns/v0.2.0); read anyway."));
        }

        var id = String(root, "@id");
        var documentTime = Timestamp(root);
        var statements = new List<VexStatement>();
        if (!root.TryGetProperty("statements", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            warnings.Add(new ScanWarning(source, "No 'statements' array; no statements used."));
            return new OpenVexDocument(source, id, statements, warnings);
        }

        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            var where = $"{source}: statements[{index++}]";
            if (ReadStatement(element, where, warnings) is { } statement)
            {
                statements.Add(statement with { Timestamp = statement.Timestamp ?? documentTime, Source = id ?? source });
            }
        }

        return new OpenVexDocument(source, id, statements, warnings);
    }

    private static VexStatement? ReadStatement(JsonElement element, string where, List<ScanWarning> warnings)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            warnings.Add(new ScanWarning(where, "A statement must be an object; skipped."));
            return null;
        }

        string? name;
        IReadOnlyList<string> aliases = [];
        if (element.TryGetProperty("vulnerability", out var vulnerability) && vulnerability.ValueKind == JsonValueKind.Object)
        {
            name = String(vulnerability, "name") ?? IdFromIri(String(vulnerability, "@id"));
            aliases = Strings(vulnerability, "aliases");
        }
        else
        {
            name = String(element, "vulnerability");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            warnings.Add(new ScanWarning(where, "Statement has no vulnerability name; skipped."));
            return null;
        }

        var statusText = String(element, "status");
        VexStatus? status = statusText switch
        {
            "not_affected" => VexStatus.NotAffected,
            "affected" => VexStatus.Affected,
            "fixed" => VexStatus.Fixed,
            "under_investigation" => VexStatus.UnderInvestigation,
            _ => null,
        };
        if (status is null)
        {
            warnings.Add(new ScanWarning(where, $"Status '{statusText}' of {name} is not an OpenVEX status (not_affected, affected, fixed, under_investigation); skipped."));
            return null;
        }

        var products = Products(element);
        if (products.Count == 0)
        {
            warnings.Add(new ScanWarning(where, $"Statement for {name} names no products; skipped."));
            return null;
        }

        var statement = new VexStatement(name.Trim(), status.Value)
        {
            Aliases = aliases,
            Products = products,
            Justification = String(element, "justification"),
            ImpactStatement = String(element, "impact_statement"),
            ActionStatement = String(element, "action_statement"),
            StatusNotes = String(element, "status_notes"),
            Timestamp = Timestamp(element),
        };
        if (statement.Status == VexStatus.NotAffected && statement.Justification is null && statement.ImpactStatement is null)
        {
            // OpenVEX requires one of them; the statement is still honoured because its author chose to publish it.
            warnings.Add(new ScanWarning(where, $"not_affected statement for {name} has neither justification nor impact_statement."));
        }

        return statement;
    }

    private static List<VexProduct> Products(JsonElement statement)
    {
        var products = new List<VexProduct>();
        if (!statement.TryGetProperty("products", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return products;
        }

        foreach (var product in list.EnumerateArray())
        {
            var ids = Identifiers(product);
            if (ids.Count == 0)
            {
                continue;
            }

            var subcomponents = product.ValueKind == JsonValueKind.Object
                && product.TryGetProperty("subcomponents", out var subs) && subs.ValueKind == JsonValueKind.Array
                ? subs.EnumerateArray().SelectMany(Identifiers).ToList()
                : [];
            products.Add(new VexProduct(ids, subcomponents));
        }

        return products;
    }

    // A component is identified by its @id and by identifiers.purl; older drafts wrote the component as a bare string.
    private static List<string> Identifiers(JsonElement component)
    {
        if (component.ValueKind == JsonValueKind.String)
        {
            return component.GetString() is { Length: > 0 } bare ? [bare] : [];
        }

        if (component.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var ids = new List<string>();
        if (String(component, "@id") is { } id)
        {
            ids.Add(id);
        }

        if (component.TryGetProperty("identifiers", out var identifiers) && identifiers.ValueKind == JsonValueKind.Object
            && String(identifiers, "purl") is { } purl && !ids.Contains(purl))
        {
            ids.Add(purl);
        }

        return ids;
    }

    // A vulnerability given only by IRI (https://nvd.nist.gov/vuln/detail/CVE-2023-4911) is named by its last segment.
    private static string? IdFromIri(string? iri) =>
        iri is not null && Uri.TryCreate(iri, UriKind.Absolute, out var uri) && uri.Segments.Length > 1
            ? Uri.UnescapeDataString(uri.Segments[^1].TrimEnd('/'))
            : iri;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).Where(s => s.Length > 0)]
            : [];

    private static DateTimeOffset? Timestamp(JsonElement element) =>
        String(element, "timestamp") is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
}
