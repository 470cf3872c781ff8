namespace Vigil.Reporting.Writers.Table;

/// <summary>How the table format renders when it writes to a stream (a console passed to <see cref="TableReportWriter.Render"/> keeps its own settings).</summary>
public sealed record TableReportOptions
{
    /// <summary>The width in characters tables are fitted to; default 160.</summary>
    public int Width { get; init; } = 160;

    /// <summary>Whether to emit ANSI colours; default false (files and pipes).</summary>
    public bool Color { get; init; }

    /// <summary>Titles longer than this are cut with an ellipsis; default 50.</summary>
    public int TitleLength { get; init; } = 50;

    /// <summary>At most this many suppressed findings are listed (all are counted); default 30.</summary>
    public int MaxSuppressedRows { get; init; } = 30;
}
