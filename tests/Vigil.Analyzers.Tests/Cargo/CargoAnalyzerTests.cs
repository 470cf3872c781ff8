using System.IO.Compression;
using System.Text;
using Vigil.Analyzers.Cargo;
using Vigil.Analyzers.Tests.Support;

namespace Vigil.Analyzers.Tests.Cargo;

public sealed class CargoAnalyzerTests
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserExecute;

    [Fact]
    public async Task AuditableBinary_RuntimeCratesOnly()
    {
        const string json = """
            {"packages":[
              {"name":"myapp","version":"0.1.0","source":"local","dependencies":[1,2]},
              {"name":"serde","version":"1.0.197","source":"crates.io"},
              {"name":"cc","version":"1.0.90","source":"crates.io","kind":"build"},
              {"name":"time","version":"0.3.30","source":"crates.io"}
            ]}
            """;
        var elf = ElfBuilder.Build((".text", new byte[3000]), (".dep-v0", Zlib(json)));

        var result = await AnalyzerRunner.RunAsync(new RustBinaryAnalyzer(), "/usr/local/bin/myapp", elf, Executable);

        Assert.Equal(["serde@1.0.197", "time@0.3.30"], result.Packages.Select(p => $"{p.Name}@{p.Version}"));
        Assert.Equal("pkg:cargo/serde@1.0.197", result.Packages[0].Purl);
        Assert.Equal("crates.io", result.Packages[0].Ecosystem.ToString());
    }

    [Fact]
    public async Task AuditableSection_NotZlib_Throws_InvalidData()
    {
        var elf = ElfBuilder.Build((".text", new byte[3000]), (".dep-v0", Encoding.UTF8.GetBytes("not zlib at all")));

        await Assert.ThrowsAnyAsync<InvalidDataException>(() => AnalyzerRunner.RunAsync(new RustBinaryAnalyzer(), "/bin/x", elf, Executable));
    }

    [Fact]
    public async Task ElfWithCorruptSectionTable_Throws_InvalidData()
    {
        var elf = ElfBuilder.Build((".text", new byte[3000]));
        var truncated = elf[..(elf.Length - 100)];

        await Assert.ThrowsAsync<InvalidDataException>(() => AnalyzerRunner.RunAsync(new RustBinaryAnalyzer(), "/bin/x", truncated, Executable));
    }

    [Fact]
    public async Task NotElf_IsIgnoredSilently()
    {
        var result = await AnalyzerRunner.RunAsync(new RustBinaryAnalyzer(), "/bin/script", Encoding.UTF8.GetBytes("#!/bin/sh\n" + new string('x', 2000)), Executable);

        Assert.Empty(result.Packages);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task CargoLock_RegistryAndGitPackages()
    {
        const string lockfile = """
            version = 3

            [[package]]
            name = "myapp"
            version = "0.1.0"
            dependencies = [
             "serde",
            ]

            [[package]]
            name = "serde"
            version = "1.0.197"
            source = "registry+https://github.com/rust-lang/crates.io-index"
            checksum = "abc"

            [[package]]
            name = "fromgit"
            version = "0.2.0"
            source = "git+https://example.com/x#abc"
            """;
        var result = await AnalyzerRunner.RunAsync(new CargoLockAnalyzer(), "/src/Cargo.lock", lockfile);

        Assert.Equal(["serde@1.0.197", "fromgit@0.2.0"], result.Packages.Select(p => $"{p.Name}@{p.Version}"));
    }

    private static byte[] Zlib(string text)
    {
        var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
