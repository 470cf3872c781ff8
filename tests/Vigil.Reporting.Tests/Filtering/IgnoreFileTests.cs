using Vigil.Reporting.Filtering;

namespace Vigil.Reporting.Tests.Filtering;

public class IgnoreFileTests
{
    [Fact]
    public void Reads_the_yaml_format()
    {
        const string yaml = """
            # reviewed 2026-11
            ignores:
              - id: CVE-2023-9999
                package: zlib1g
                expires: 2027-01-31
                reason: inflate is not reachable
              - id: GHSA-35jh-r3h4-6jhm
                purl: pkg:npm/lodash
              - id: CVE-2021-44906
                purls: [pkg:npm/minimist@1.2.5, pkg:npm/minimist@1.2.4]
                expired_at: 2026-01-01T00:00:00Z
                statement: build-time only
              - CVE-2020-0001
            """;

        var file = IgnoreFile.Parse(yaml, ".vigilignore");

        Assert.Empty(file.Warnings);
        Assert.Collection(
            file.Entries,
            e =>
            {
                Assert.Equal("CVE-2023-9999", e.Id);
                Assert.Equal("zlib1g", e.PackageName);
                Assert.Equal(new DateOnly(2027, 1, 31), e.Expires);
                Assert.Equal("inflate is not reachable", e.Reason);
                Assert.Equal(".vigilignore:3", e.Source);
            },
            e => Assert.Equal(("GHSA-35jh-r3h4-6jhm", "pkg:npm/lodash"), (e.Id, e.Purl)),
            e => Assert.Equal(("pkg:npm/minimist@1.2.5", new DateOnly(2026, 1, 1), "build-time only"), (e.Purl!, e.Expires!.Value, e.Reason!)),
            e => Assert.Equal("pkg:npm/minimist@1.2.4", e.Purl),
            e => Assert.Equal(("CVE-2020-0001", null), (e.Id, e.Reason)));
    }

    [Fact]
    public void Reads_the_line_format_with_comments_and_expiry()
    {
        const string text = "# accepted risks\nCVE-2023-9999   # zlib: not reachable\n\n  GHSA-35jh-r3h4-6jhm exp:2026-12-31\r\nCVE-2021-44906 exp:never\n";

        var file = IgnoreFile.Parse(text, ".vigilignore");

        Assert.Collection(
            file.Entries,
            e => Assert.Equal(("CVE-2023-9999", "zlib: not reachable", ".vigilignore:2"), (e.Id, e.Reason!, e.Source)),
            e => Assert.Equal(("GHSA-35jh-r3h4-6jhm", new DateOnly(2026, 12, 31)), (e.Id, e.Expires!.Value)));
        var warning = Assert.Single(file.Warnings);
        Assert.Equal(".vigilignore:5", warning.Source);
        Assert.Contains("exp:never", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ignores:\n  - id: [unclosed\n", "Not valid YAML")]
    [InlineData("ignores:\n  - id: CVE-1\n    pakage: openssl\n", "Unknown key 'pakage'")]
    [InlineData("ignores:\n  - reason: no id\n", "no 'id'")]
    [InlineData("ignores:\n  - id: CVE-1\n    expires: next year\n", "not a date")]
    [InlineData("ignores:\n  - id: CVE-1\n    purl: openssl\n", "not a package URL")]
    [InlineData("ignores:\n  - [CVE-1]\n", "must be a mapping")]
    [InlineData("ignores: CVE-1\n", "Expected an 'ignores:' list")]
    public void Hostile_yaml_becomes_warnings_and_no_entry(string yaml, string expected)
    {
        var file = IgnoreFile.Parse(yaml, "ignore.yaml");

        Assert.Empty(file.Entries);
        Assert.Contains(file.Warnings, w => w.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only comments\n\n")]
    [InlineData("ignores:\n")]
    public void Empty_files_have_no_entries_and_no_warnings(string text)
    {
        var file = IgnoreFile.Parse(text, ".vigilignore");

        Assert.Empty(file.Entries);
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public async Task Loading_a_missing_file_throws_and_an_oversized_one_warns()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-ignore-");
        try
        {
            await Assert.ThrowsAsync<FileNotFoundException>(() => IgnoreFile.LoadAsync(Path.Combine(dir.FullName, "missing"), CancellationToken.None));
            var big = Path.Combine(dir.FullName, ".vigilignore");
            await using (var stream = File.Create(big))
            {
                stream.SetLength(IgnoreFile.MaxBytes + 1);
            }

            var file = await IgnoreFile.LoadAsync(big, CancellationToken.None);
            Assert.Empty(file.Entries);
            Assert.Contains("larger than", Assert.Single(file.Warnings).Message, StringComparison.Ordinal);

            await File.WriteAllTextAsync(big, "CVE-2023-9999\n");
            Assert.Equal("CVE-2023-9999", Assert.Single((await IgnoreFile.LoadAsync(big, CancellationToken.None)).Entries).Id);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("CVE-2021-23337", null, null, true)]
    [InlineData("ghsa-35jh-r3h4-6jhm", null, null, true)]
    [InlineData("CVE-2021-23337", "lodash", null, true)]
    [InlineData("CVE-2021-23337", "LODASH", null, true)]
    [InlineData("CVE-2021-23337", "underscore", null, false)]
    [InlineData("CVE-2021-23337", null, "pkg:npm/lodash", true)]
    [InlineData("CVE-2021-23337", null, "pkg:npm/lodash@4.17.20", true)]
    [InlineData("CVE-2021-23337", null, "pkg:npm/lodash@4.17.21", false)]
    [InlineData("CVE-2021-23337", null, "pkg:pypi/lodash", false)]
    [InlineData("CVE-2000-0001", null, null, false)]
    public void Entries_match_by_alias_package_and_purl(string id, string? package, string? purl, bool matches)
    {
        var finding = ReportFixtures.Findings.Single(f => f.Id == "CVE-2021-23337");
        var entry = new IgnoreEntry(id) { PackageName = package, Purl = purl };

        Assert.Equal(matches, entry.Matches(finding));
    }

    [Fact]
    public void Entries_match_source_package_names()
    {
        var libc = ReportFixtures.Findings.Single(f => f.Id == "CVE-2023-4911");

        Assert.True(new IgnoreEntry("CVE-2023-4911") { PackageName = "glibc" }.Matches(libc));
        Assert.True(new IgnoreEntry("CVE-2023-4911") { Purl = "pkg:deb/debian/libc6?distro=debian-12" }.Matches(libc));
        Assert.False(new IgnoreEntry("CVE-2023-4911") { Purl = "pkg:deb/debian/libc6?distro=debian-11" }.Matches(libc));
    }
}
