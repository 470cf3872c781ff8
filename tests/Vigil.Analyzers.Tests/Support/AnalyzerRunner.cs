using System.Text;
using Vigil.Analyzers.Abstractions;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Tests.Support;

/// <summary>Runs one analyzer on bytes written by a test, through a forward-only stream.</summary>
public static class AnalyzerRunner
{
    public static FileEntry File(string path, long size = 100, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite) =>
        new(path, size, mode, 0, null);

    public static Task<AnalysisResult> RunAsync(IPackageAnalyzer analyzer, string path, string text) =>
        RunAsync(analyzer, path, Encoding.UTF8.GetBytes(text));

    public static async Task<AnalysisResult> RunAsync(IPackageAnalyzer analyzer, string path, byte[] data, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var file = new FileEntry(path, data.Length, mode, 0, null);
        Assert.True(analyzer.IsRequired(file), $"{analyzer.Id} should want {path}");
        await using var stream = new ForwardOnlyStream(data);
        return await analyzer.AnalyzeAsync(new AnalysisInput(file, stream), CancellationToken.None);
    }
}
