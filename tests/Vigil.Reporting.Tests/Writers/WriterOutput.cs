using System.Text;
using Vigil.Reporting.Writers;

namespace Vigil.Reporting.Tests.Writers;

internal static class WriterOutput
{
    public static async Task<string> RenderAsync(IReportWriter writer, ScanReport report)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(report, stream, CancellationToken.None);
        var bytes = stream.ToArray();
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "reports are written without a byte-order mark");
        return Encoding.UTF8.GetString(bytes);
    }
}
