using System.Globalization;
using System.Text;

namespace Vigil.Web.Html;

/// <summary>
/// Builds an HTML document where every piece of data is encoded: text through <see cref="Text(string?)"/>, attribute
/// values through <see cref="Open"/>. Tag and attribute names are code constants, never data.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _builder = new(32 * 1024);

    /// <summary>Appends markup written in code (never data).</summary>
    public HtmlWriter Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    /// <summary>Appends encoded text.</summary>
    public HtmlWriter Text(string? text)
    {
        Encode(text);
        return this;
    }

    /// <summary>Appends a number in the invariant culture with thousands separators.</summary>
    public HtmlWriter Number(long value)
    {
        _builder.Append(value.ToString("N0", CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Opens an element; null attribute values are left out, empty ones written as boolean attributes.</summary>
    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _builder.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _builder.Append(' ').Append(name);
            if (value.Length > 0)
            {
                _builder.Append("=\"");
                Encode(value);
                _builder.Append('"');
            }
        }

        _builder.Append('>');
        return this;
    }

    /// <summary>Closes an element.</summary>
    public HtmlWriter Close(string tag)
    {
        _builder.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding encoded text.</summary>
    public HtmlWriter Element(string tag, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A link; <paramref name="href"/> must come from <see cref="SafeUrl"/> or the route helpers.</summary>
    public HtmlWriter Link(string href, string? text, string? cssClass = null) =>
        Open("a", ("href", href), ("class", cssClass)).Text(text).Close("a");

    /// <inheritdoc/>
    public override string ToString() => _builder.ToString();

    private void Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }

            _builder.Append(text, start, i - start).Append(replacement);
            start = i + 1;
        }

        _builder.Append(text, start, text.Length - start);
    }
}
