using System.Text;
using Vigil.Reporting.Filtering;
using Vigil.Reporting.Filtering.Vex;

namespace Vigil.Reporting.Tests.Filtering;

public class FindingFilterTests
{
    private static readonly DateTimeOffset Earlier = ReportFixtures.Now.AddDays(-10);
    private static readonly DateTimeOffset Later = ReportFixtures.Now.AddDays(-1);
    private static readonly string ImageDigest = ReportFixtures.Artifact.ManifestDigest!.Value.ToString();

    private sealed record Case(FindingFilterOptions Options, Dictionary<string, SuppressionKind> Suppressed, int Expired = 0);

    private static VexStatement Vex(string vulnerability, VexStatus status, string product, params string[] subcomponents) =>
        new(vulnerability, status)
        {
            Products = [new VexProduct([product], subcomponents)],
            Justification = status == VexStatus.NotAffected ? "vulnerable_code_not_present" : null,
            Source = "test.vex.json",
        };

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["no filters keep everything"] = new(new(), []),
        ["severity minimum drops LOW"] = new(new() { Severities = SeveritySelection.Parse(">=HIGH") }, new() { ["CVE-2023-9999"] = SuppressionKind.Severity }),
        ["severity list keeps only CRITICAL"] = new(
            new() { Severities = SeveritySelection.Parse("CRITICAL") },
            new() { ["CVE-2023-4911"] = SuppressionKind.Severity, ["CVE-2021-23337"] = SuppressionKind.Severity, ["CVE-2023-9999"] = SuppressionKind.Severity }),
        ["ignore-unfixed drops the finding without fix"] = new(new() { IgnoreUnfixed = true }, new() { ["CVE-2023-9999"] = SuppressionKind.Unfixed }),
        ["pkg-types os drops libraries"] = new(
            new() { PackageTypes = PackageTypeSelection.Parse("os") },
            new() { ["CVE-2021-23337"] = SuppressionKind.PackageType, ["CVE-2021-44906"] = SuppressionKind.PackageType }),
        ["ignore entry matches an alias"] = new(
            new() { IgnoreEntries = [new IgnoreEntry("GHSA-35jh-r3h4-6jhm")] },
            new() { ["CVE-2021-23337"] = SuppressionKind.IgnoreFile }),
        ["ignore entry for another package does not match"] = new(
            new() { IgnoreEntries = [new IgnoreEntry("CVE-2021-23337") { PackageName = "underscore" }] },
            []),
        ["expired ignore entry no longer suppresses"] = new(
            new() { IgnoreEntries = [new IgnoreEntry("CVE-2023-9999") { Expires = new DateOnly(2026, 11, 21) }] },
            [],
            Expired: 1),
        ["ignore entry still suppresses on its expiry day"] = new(
            new() { IgnoreEntries = [new IgnoreEntry("CVE-2023-9999") { Expires = new DateOnly(2026, 11, 22) }] },
            new() { ["CVE-2023-9999"] = SuppressionKind.IgnoreFile }),
        ["VEX not_affected matches by alias and package purl"] = new(
            new() { VexStatements = [Vex("GHSA-35jh-r3h4-6jhm", VexStatus.NotAffected, "pkg:npm/lodash@4.17.20")] },
            new() { ["CVE-2021-23337"] = SuppressionKind.Vex }),
        ["VEX statement alias matches the finding id"] = new(
            new() { VexStatements = [Vex("GHSA-0000-0000-0000", VexStatus.NotAffected, "pkg:npm/lodash") with { Aliases = ["CVE-2021-23337"] }] },
            new() { ["CVE-2021-23337"] = SuppressionKind.Vex }),
        ["VEX fixed suppresses"] = new(
            new() { VexStatements = [Vex("CVE-2021-44906", VexStatus.Fixed, "pkg:npm/minimist")] },
            new() { ["CVE-2021-44906"] = SuppressionKind.Vex }),
        ["VEX affected does not suppress"] = new(
            new() { VexStatements = [Vex("CVE-2021-44906", VexStatus.Affected, "pkg:npm/minimist")] },
            []),
        ["VEX under_investigation does not suppress"] = new(
            new() { VexStatements = [Vex("CVE-2021-44906", VexStatus.UnderInvestigation, "pkg:npm/minimist")] },
            []),
        ["VEX for another version does not match"] = new(
            new() { VexStatements = [Vex("CVE-2021-23337", VexStatus.NotAffected, "pkg:npm/lodash@4.17.19")] },
            []),
        ["VEX for another vulnerability does not match"] = new(
            new() { VexStatements = [Vex("CVE-1999-0001", VexStatus.NotAffected, "pkg:npm/lodash")] },
            []),
        ["VEX on the image by oci purl with a package subcomponent"] = new(
            new() { VexStatements = [Vex("CVE-2023-4911", VexStatus.NotAffected, $"pkg:oci/nginx@{Uri.EscapeDataString(ImageDigest)}?repository_url=index.docker.io/library/nginx", "pkg:deb/debian/libc6")] },
            new() { ["CVE-2023-4911"] = SuppressionKind.Vex }),
        ["VEX on the image by reference covers every package"] = new(
            new() { VexStatements = [Vex("CVE-2023-4911", VexStatus.NotAffected, "docker.io/library/nginx")] },
            new() { ["CVE-2023-4911"] = SuppressionKind.Vex }),
        ["VEX on another image digest does not match"] = new(
            new() { VexStatements = [Vex("CVE-2023-4911", VexStatus.NotAffected, "pkg:oci/nginx@sha256%3A0000", "pkg:deb/debian/libc6")] },
            []),
        ["VEX subcomponent for another package does not match"] = new(
            new() { VexStatements = [Vex("CVE-2023-4911", VexStatus.NotAffected, "docker.io/library/nginx", "pkg:deb/debian/openssl")] },
            []),
        ["later VEX affected overrides earlier not_affected"] = new(
            new()
            {
                VexStatements =
                [
                    Vex("CVE-2021-44906", VexStatus.Affected, "pkg:npm/minimist") with { Timestamp = Later },
                    Vex("CVE-2021-44906", VexStatus.NotAffected, "pkg:npm/minimist") with { Timestamp = Earlier },
                ],
            },
            []),
        ["later VEX not_affected overrides earlier affected"] = new(
            new()
            {
                VexStatements =
                [
                    Vex("CVE-2021-44906", VexStatus.NotAffected, "pkg:npm/minimist") with { Timestamp = Later },
                    Vex("CVE-2021-44906", VexStatus.Affected, "pkg:npm/minimist") with { Timestamp = Earlier },
                ],
            },
            new() { ["CVE-2021-44906"] = SuppressionKind.Vex }),
        ["ignore file is recorded before severity"] = new(
            new() { Severities = SeveritySelection.Parse("CRITICAL"), IgnoreEntries = [new IgnoreEntry("CVE-2023-9999")] },
            new() { ["CVE-2023-9999"] = SuppressionKind.IgnoreFile, ["CVE-2023-4911"] = SuppressionKind.Severity, ["CVE-2021-23337"] = SuppressionKind.Severity }),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Filters_findings(string name)
    {
        var (options, expectedSuppressed, expired) = Cases[name];

        var result = new FindingFilter(ReportFixtures.Clock()).Apply(ReportFixtures.Findings, ReportFixtures.Artifact, options);

        Assert.Equal(
            expectedSuppressed.OrderBy(p => p.Key, StringComparer.Ordinal),
            result.Suppressed.Select(s => KeyValuePair.Create(s.Finding.Id, s.Suppression.Kind)).OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(
            ReportFixtures.Findings.Select(f => f.Id).Where(id => !expectedSuppressed.ContainsKey(id)),
            result.Kept.Select(f => f.Id));
        Assert.Equal(expired, result.ExpiredIgnoreEntries.Count);
        Assert.Equal(expired, result.Warnings.Count);
    }

    [Fact]
    public void Suppressions_carry_reason_source_expiry_and_justification()
    {
        var options = new FindingFilterOptions
        {
            IgnoreEntries = [new IgnoreEntry("CVE-2023-9999") { Reason = "not reachable", Source = ".vigilignore:3", Expires = new DateOnly(2027, 1, 31) }],
            VexStatements = [Vex("CVE-2021-23337", VexStatus.NotAffected, "pkg:npm/lodash")],
            Severities = SeveritySelection.Parse(">=HIGH"),
        };

        var result = new FindingFilter(ReportFixtures.Clock()).Apply(ReportFixtures.Findings, ReportFixtures.Artifact, options);
        var byId = result.Suppressed.ToDictionary(s => s.Finding.Id, s => s.Suppression);

        Assert.Equal(
            new Suppression(SuppressionKind.IgnoreFile, "not reachable (until 2027-01-31)") { Source = ".vigilignore:3", Expires = new DateOnly(2027, 1, 31) },
            byId["CVE-2023-9999"]);
        Assert.Equal(
            new Suppression(SuppressionKind.Vex, "not_affected: vulnerable_code_not_present") { Source = "test.vex.json", VexStatus = "not_affected", Justification = "vulnerable_code_not_present" },
            byId["CVE-2021-23337"]);
    }

    [Fact]
    public void Expired_entries_are_reported_with_a_warning()
    {
        var entry = new IgnoreEntry("CVE-2021-44906") { Expires = new DateOnly(2026, 1, 1), Source = ".vigilignore:7" };

        var result = new FindingFilter(ReportFixtures.Clock()).Apply(ReportFixtures.Findings, ReportFixtures.Artifact, new() { IgnoreEntries = [entry] });

        Assert.Equal(entry, Assert.Single(result.ExpiredIgnoreEntries));
        Assert.Contains(result.Kept, f => f.Id == "CVE-2021-44906");
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(".vigilignore:7", warning.Source);
        Assert.Contains("expired on 2026-01-01", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parsed_vex_document_suppresses_end_to_end()
    {
        var document = OpenVexDocument.Parse(Encoding.UTF8.GetBytes(OpenVexDocumentTests.Example), "nginx.vex.json");

        var result = new FindingFilter(ReportFixtures.Clock()).Apply(ReportFixtures.Findings, ReportFixtures.Artifact, new() { VexStatements = document.Statements });

        // lodash: not_affected by alias; libc6: the image purl names another digest, so the fixed statement does not apply.
        var suppressed = Assert.Single(result.Suppressed);
        Assert.Equal(("CVE-2021-23337", "vulnerable_code_not_in_execute_path"), (suppressed.Finding.Id, suppressed.Suppression.Justification!));
    }

    [Fact]
    public void Without_an_artifact_only_package_products_apply()
    {
        var options = new FindingFilterOptions { VexStatements = [Vex("CVE-2023-4911", VexStatus.NotAffected, "docker.io/library/nginx")] };

        var result = new FindingFilter(ReportFixtures.Clock()).Apply(ReportFixtures.Findings, null, options);

        Assert.Empty(result.Suppressed);
    }
}
