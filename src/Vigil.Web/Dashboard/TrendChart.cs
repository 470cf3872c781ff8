using System.Globalization;
using System.Text;
using Vigil.Core;
using Vigil.Scanning.Results;
using Vigil.Web.Html;

namespace Vigil.Web.Dashboard;

/// <summary>An SVG line chart of findings per severity over time, drawn on the server; a data table goes with it.</summary>
internal static class TrendChart
{
    private const int Width = 1100;
    private const int Height = 250;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 32;

    private static readonly Severity[] Lines = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low];

    public static HtmlWriter Chart(this HtmlWriter w, IReadOnlyList<TrendPoint> points, string title)
    {
        if (points.Count == 0)
        {
            return w.Empty("No history yet: the controller records a snapshot once a day.");
        }

        var max = Math.Max(1, points.Max(p => Lines.Max(s => p.Counts[s])));
        var niceMax = Math.Max(4, NiceCeiling(max));
        var first = points[0].At;
        var span = Math.Max(1, (points[^1].At - first).TotalSeconds);
        double X(DateTimeOffset at) => points.Count == 1 ? Left + ((Width - Left - Right) / 2.0) : Left + ((at - first).TotalSeconds / span * (Width - Left - Right));
        double Y(long value) => Top + ((Height - Top - Bottom) * (1 - (value / (double)niceMax)));

        var latest = points[^1].Counts;
        var description = $"{title}: from {Display.Date(first)} to {Display.Date(points[^1].At)}; latest {latest.Critical} critical, {latest.High} high, {latest.Medium} medium, {latest.Low} low.";
        w.Open("figure", ("class", "chart"))
            .Open("svg", ("viewBox", $"0 0 {Width} {Height}"), ("role", "img"), ("aria-label", description), ("preserveAspectRatio", "xMidYMid meet"), ("class", "trend"));

        for (var i = 0; i <= 4; i++)
        {
            var value = niceMax * i / 4;
            var y = F(Y(value));
            w.Open("line", ("x1", F(Left)), ("x2", F(Width - Right)), ("y1", y), ("y2", y), ("class", "grid")).Close("line")
                .Element("text", value.ToString("N0", CultureInfo.InvariantCulture), ("x", F(Left - 8)), ("y", y), ("class", "axis"), ("text-anchor", "end"), ("dominant-baseline", "middle"));
        }

        foreach (var index in new[] { 0, points.Count / 2, points.Count - 1 }.Distinct())
        {
            var at = points[index].At;
            var anchor = index == 0 ? "start" : index == points.Count - 1 ? "end" : "middle";
            w.Element("text", Display.Date(at), ("x", F(X(at))), ("y", F(Height - 10)), ("class", "axis"), ("text-anchor", points.Count == 1 ? "middle" : anchor));
        }

        foreach (var severity in Lines)
        {
            var path = new StringBuilder();
            foreach (var point in points)
            {
                path.Append(path.Length == 0 ? "M" : " L").Append(F(X(point.At))).Append(',').Append(F(Y(point.Counts[severity])));
            }

            w.Open("path", ("d", path.ToString()), ("class", "line line-" + Components.Css(severity))).Close("path");
            var last = points[^1];
            w.Open("circle", ("cx", F(X(last.At))), ("cy", F(Y(last.Counts[severity]))), ("r", "3.5"), ("class", "dot dot-" + Components.Css(severity))).Close("circle");
        }

        w.Close("svg").Open("figcaption").Open("ul", ("class", "legend"));
        foreach (var severity in Lines)
        {
            w.Open("li").Element("span", null, ("class", "swatch line-" + Components.Css(severity)), ("aria-hidden", "true"))
                .Text($"{Components.Title(severity)}: {latest[severity].ToString("N0", CultureInfo.InvariantCulture)}").Close("li");
        }

        w.Close("ul").Close("figcaption").Close("figure");
        return DataTable(w, points, title);
    }

    private static HtmlWriter DataTable(HtmlWriter w, IReadOnlyList<TrendPoint> points, string title)
    {
        w.Open("details", ("class", "chart-data")).Element("summary", "Show the numbers").Open("div", ("class", "table-wrap")).Open("table")
            .Element("caption", title).Open("thead").Open("tr").Element("th", "Date", ("scope", "col")).CountHeaders().Close("tr").Close("thead").Open("tbody");
        foreach (var point in points.Reverse())
        {
            w.Open("tr").Element("th", Display.DateTime(point.At), ("scope", "row")).CountCells(point.Counts).Close("tr");
        }

        return w.Close("tbody").Close("table").Close("div").Close("details");
    }

    private static long NiceCeiling(long value)
    {
        var magnitude = (long)Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 4, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
