using System.Text;
using Vigil.Analyzers.Abstractions;
using Vigil.Analyzers.GoBinary;
using Vigil.Analyzers.Tests.Support;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Tests.GoBinary;

public sealed class GoBinaryAnalyzerTests
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserExecute;

    private const string ModInfo = "path\texample.com/app/cmd/app\n"
        + "mod\texample.com/app\tv1.4.0\th1:abc=\n"
        + "dep\tgithub.com/pkg/errors\tv0.9.1\th1:def=\n"
        + "dep\tgolang.org/x/net\tv0.17.0\th1:ghi=\n"
        + "=>\tgithub.com/fork/net\tv0.23.0\th1:jkl=\n"
        + "dep\texample.com/local\tv0.0.0\n"
        + "=>\t../local\t\n"
        + "build\t-compiler=gc\n";

    private readonly GoBinaryAnalyzer _analyzer = new();

    [Theory]
    [InlineData(0)]
    [InlineData((256 * 1024) - 5 - 2064)] // The magic straddles the first 256 KiB read chunk (ELF header 64 + 2000 bytes before it).
    [InlineData(3 * 1024 * 1024)]
    public async Task ReadsModulesAndToolchain(int padding)
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/usr/local/bin/app", GoElf("go1.22.1", ModInfo, padding), Executable);

        Assert.Empty(result.Warnings);
        Assert.Equal(
            ["example.com/app@v1.4.0", "github.com/pkg/errors@v0.9.1", "github.com/fork/net@v0.23.0", "stdlib@v1.22.1"],
            result.Packages.Select(p => $"{p.Name}@{p.Version}"));
        Assert.Equal("pkg:golang/github.com/pkg/errors@v0.9.1", result.Packages[1].Purl);
        Assert.Equal("pkg:golang/stdlib@v1.22.1", result.Packages[3].Purl);
        Assert.All(result.Packages, p => Assert.Equal("Go", p.Ecosystem.ToString()));
    }

    [Fact]
    public async Task DevelMainModule_IsLeftOut()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/app", GoElf("go1.21.0 X:boringcrypto", "path\tx\nmod\tx\t(devel)\t\n", 0), Executable);

        Assert.Equal(["stdlib@v1.21.0"], result.Packages.Select(p => $"{p.Name}@{p.Version}"));
    }

    [Fact]
    public async Task NotElf_IsIgnoredSilently()
    {
        var script = Encoding.UTF8.GetBytes("#!/bin/sh\n" + new string('#', 4000) + "\n\xff Go buildinf:");
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/usr/bin/script", script, Executable);

        Assert.Empty(result.Packages);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task ElfWithoutBuildInfo_IsEmpty()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/usr/bin/c-program", ElfBuilder.Build((".text", new byte[5000])), Executable);

        Assert.Empty(result.Packages);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task TruncatedBuildInfo_Warns()
    {
        var blob = BuildInfoBlob("go1.22.1", ModInfo);
        var elf = ElfBuilder.Build((".text", new byte[2000]));
        var truncated = elf.Concat(blob.Take(40)).ToArray();
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/app", truncated, Executable);

        Assert.Empty(result.Packages);
        Assert.Contains("truncated", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreGo118Format_Warns()
    {
        var blob = BuildInfoBlob("go1.16", ModInfo);
        blob[15] = 0; // Pointer format.
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/app", ElfBuilder.Build((".go.buildinfo", blob), (".pad", new byte[2000])), Executable);

        Assert.Empty(result.Packages);
        Assert.Contains("1.18", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [FileExistsFact("/usr/bin/skopeo")]
    public async Task RealGoBinary_FromDebian()
    {
        var info = new FileInfo("/usr/bin/skopeo");
        var file = new FileEntry("/usr/bin/skopeo", info.Length, Executable, 0, null);
        await using var stream = new ForwardOnlyStream(await File.ReadAllBytesAsync(info.FullName));

        var result = await _analyzer.AnalyzeAsync(new AnalysisInput(file, stream), CancellationToken.None);

        Assert.Empty(result.Warnings);
        // Debian builds Go programs in GOPATH mode: the build information names the toolchain but no modules.
        Assert.Contains(result.Packages, p => p.Name == "stdlib" && p.Version.StartsWith("v1.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Executable, 5000, true)]
    [InlineData(UnixFileMode.UserRead, 5000, false)]
    [InlineData(Executable, 100, false)]
    public void IsRequired(UnixFileMode mode, long size, bool expected) =>
        Assert.Equal(expected, _analyzer.IsRequired(new FileEntry("/usr/bin/x", size, mode, 0, null)));

    internal static byte[] GoElf(string goVersion, string modinfo, int padding) =>
        ElfBuilder.Build((".text", new byte[padding + 2000]), (".go.buildinfo", BuildInfoBlob(goVersion, modinfo)));

    private static byte[] BuildInfoBlob(string goVersion, string modinfo)
    {
        var blob = new MemoryStream();
        blob.Write([0xff, .. " Go buildinf:"u8]);
        blob.WriteByte(8);
        blob.WriteByte(0x2);
        blob.Write(new byte[16]);
        WriteString(blob, Encoding.UTF8.GetBytes(goVersion));
        var sentinelStart = Convert.FromHexString("3077af0c9274080241e1c107e6d618e6");
        var sentinelEnd = Convert.FromHexString("f932433186182072008242104116d8f2");
        WriteString(blob, [.. sentinelStart, .. Encoding.UTF8.GetBytes(modinfo), .. sentinelEnd]);
        return blob.ToArray();
    }

    private static void WriteString(MemoryStream stream, byte[] value)
    {
        var length = (uint)value.Length;
        while (length >= 0x80)
        {
            stream.WriteByte((byte)(length | 0x80));
            length >>= 7;
        }

        stream.WriteByte((byte)length);
        stream.Write(value);
    }
}
