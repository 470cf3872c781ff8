using Vigil.Analyzers.OsRelease;
using Vigil.Analyzers.Tests.Support;

namespace Vigil.Analyzers.Tests.OsRelease;

public sealed class OsReleaseAnalyzerTests
{
    private readonly OsReleaseAnalyzer _analyzer = new();

    [Theory]
    [InlineData("/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n", "debian", "12", "Debian:12")]
    [InlineData("/etc/os-release", "NAME=\"Ubuntu\"\nVERSION=\"22.04.4 LTS (Jammy Jellyfish)\"\nID=ubuntu\nVERSION_ID=\"22.04\"\n", "ubuntu", "22.04", "Ubuntu:22.04:LTS")]
    [InlineData("/usr/lib/os-release", "NAME=\"Ubuntu\"\nVERSION=\"23.10 (Mantic Minotaur)\"\nID=ubuntu\nVERSION_ID=\"23.10\"\n", "ubuntu", "23.10", "Ubuntu:23.10")]
    [InlineData("/etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.1\n", "alpine", "3.20.1", "Alpine:v3.20")]
    [InlineData("/etc/os-release", "NAME=\"Rocky Linux\"\nVERSION=\"9.3 (Blue Onyx)\"\nID=\"rocky\"\nVERSION_ID=\"9.3\"\n", "rocky", "9.3", "Rocky Linux:9")]
    [InlineData("/etc/os-release", "NAME=\"AlmaLinux\"\nID=\"almalinux\"\nVERSION_ID=\"9.4\"\n", "almalinux", "9.4", "AlmaLinux:9")]
    [InlineData("/etc/os-release", "NAME=\"Red Hat Enterprise Linux\"\nID=\"rhel\"\nVERSION_ID=\"9.3\"\n", "rhel", "9.3", "Red Hat:enterprise_linux:9")]
    [InlineData("/etc/os-release", "NAME=\"openSUSE Leap\"\nID=\"opensuse-leap\"\nVERSION_ID=\"15.5\"\n", "opensuse-leap", "15.5", "openSUSE:Leap 15.5")]
    [InlineData("/etc/os-release", "ID=wolfi\nNAME=\"Wolfi\"\nVERSION_ID=\"20230201\"\n", "wolfi", "20230201", "Wolfi")]
    [InlineData("/etc/os-release", "ID=chainguard\nNAME=\"Chainguard\"\n", "chainguard", null, "Chainguard")]
    [InlineData("/etc/os-release", "# comment\nID='debian'\nbroken line\nVERSION_ID=\"13\"\n", "debian", "13", "Debian:13")]
    [InlineData("/etc/debian_version", "12.5\n", "debian", "12", "Debian:12")]
    [InlineData("/etc/alpine-release", "3.19.1\n", "alpine", "3.19.1", "Alpine:v3.19")]
    [InlineData("/etc/redhat-release", "Rocky Linux release 8.9 (Green Obsidian)\n", "rocky", "8.9", "Rocky Linux:8")]
    [InlineData("/etc/redhat-release", "Red Hat Enterprise Linux release 8.9 (Ootpa)\n", "rhel", "8.9", "Red Hat:enterprise_linux:8")]
    public async Task Detects(string path, string content, string id, string? versionId, string ecosystem)
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, path, content);

        Assert.NotNull(result.Os);
        Assert.Equal(id, result.Os.Id);
        Assert.Equal(versionId, result.Os.VersionId);
        Assert.Equal(ecosystem, result.Os.Ecosystem.ToString());
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task DebianOsRelease_KeepsPrettyNameAndCodename()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n");

        Assert.Equal("Debian GNU/Linux 12 (bookworm)", result.Os!.PrettyName);
        Assert.Equal("bookworm", result.Os.Codename);
    }

    [Theory]
    [InlineData("/etc/os-release", "NAME=nothing\n")]
    [InlineData("/etc/os-release", "")]
    [InlineData("/etc/redhat-release", "garbage\n")]
    [InlineData("/etc/alpine-release", "edge\n")]
    public async Task Unrecognised_Warns(string path, string content)
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, path, content);

        Assert.Null(result.Os);
        Assert.Equal(path, Assert.Single(result.Warnings).Source);
    }

    [Fact]
    public async Task BinaryGarbage_Warns()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/etc/os-release", [0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff]);

        Assert.Null(result.Os);
        Assert.Single(result.Warnings);
    }

    [Theory]
    [InlineData("/etc/os-release", true)]
    [InlineData("/usr/lib/os-release", true)]
    [InlineData("/etc/debian_version", true)]
    [InlineData("/app/etc/os-release", false)]
    [InlineData("/etc/os-release.bak", false)]
    [InlineData("/etc/lsb-release", false)]
    public void IsRequired(string path, bool expected) => Assert.Equal(expected, _analyzer.IsRequired(AnalyzerRunner.File(path)));
}
