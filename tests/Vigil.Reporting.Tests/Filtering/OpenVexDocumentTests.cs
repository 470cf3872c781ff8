using System.Text;
using Vigil.Reporting.Filtering.Vex;

namespace Vigil.Reporting.Tests.Filtering;

public class OpenVexDocumentTests
{
    internal const string Example = """
        {
          "@context": "https://openvex.dev/ns/v0.2.0",
          "@id": "https://example.com/vex/nginx-2026-11",
          "author": "Platform team",
          "timestamp": "2026-11-01T10:00:00Z",
          "version": 1,
          "statements": [
            {
              "vulnerability": { "name": "GHSA-35jh-r3h4-6jhm", "aliases": ["CVE-2021-23337"] },
              "products": [ { "@id": "pkg:npm/lodash@4.17.20" } ],
              "status": "not_affected",
              "justification": "vulnerable_code_not_in_execute_path",
              "impact_statement": "templates are never compiled from user input"
            },
            {
              "vulnerability": { "@id": "https://nvd.nist.gov/vuln/detail/CVE-2023-4911", "name": "CVE-2023-4911" },
              "products": [
                {
                  "@id": "pkg:oci/nginx@sha256%3Aabc?repository_url=docker.io/library/nginx",
                  "subcomponents": [ { "@id": "pkg:deb/debian/libc6", "identifiers": { "purl": "pkg:deb/debian/libc6?distro=debian-12" } } ]
                }
              ],
              "status": "fixed",
              "timestamp": "2026-11-02T10:00:00Z"
            },
            {
              "vulnerability": "CVE-2024-0001",
              "products": [ "pkg:deb/debian/openssl" ],
              "status": "under_investigation"
            }
          ]
        }
        """;

    [Fact]
    public void Reads_statements_of_an_openvex_020_document()
    {
        var document = OpenVexDocument.Parse(Encoding.UTF8.GetBytes(Example), "nginx.vex.json");

        Assert.Empty(document.Warnings);
        Assert.Equal("https://example.com/vex/nginx-2026-11", document.Id);
        Assert.Collection(
            document.Statements,
            s =>
            {
                Assert.Equal(("GHSA-35jh-r3h4-6jhm", VexStatus.NotAffected, "vulnerable_code_not_in_execute_path"), (s.Vulnerability, s.Status, s.Justification!));
                Assert.Equal(["CVE-2021-23337"], s.Aliases);
                Assert.Equal(["pkg:npm/lodash@4.17.20"], Assert.Single(s.Products).Ids);
                Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), s.Timestamp);
                Assert.Equal("https://example.com/vex/nginx-2026-11", s.Source);
                Assert.True(s.Suppresses);
            },
            s =>
            {
                Assert.Equal(("CVE-2023-4911", VexStatus.Fixed), (s.Vulnerability, s.Status));
                Assert.Equal(["pkg:deb/debian/libc6", "pkg:deb/debian/libc6?distro=debian-12"], Assert.Single(s.Products).Subcomponents);
                Assert.Equal(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero), s.Timestamp);
            },
            s =>
            {
                Assert.Equal(("CVE-2024-0001", VexStatus.UnderInvestigation, "under_investigation"), (s.Vulnerability, s.Status, s.StatusName));
                Assert.False(s.Suppresses);
            });
    }

    [Theory]
    [InlineData("{ not json", "Not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{"@context":"https://openvex.dev/ns/v0.2.0"}""", "No 'statements' array")]
    [InlineData("""{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"products":["pkg:npm/a"],"status":"fixed"}]}""", "no vulnerability name")]
    [InlineData("""{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"name":"CVE-1"},"products":["pkg:npm/a"],"status":"wontfix"}]}""", "not an OpenVEX status")]
    [InlineData("""{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"name":"CVE-1"},"products":[],"status":"fixed"}]}""", "names no products")]
    [InlineData("""{"@context":"https://openvex.dev/ns/v0.2.0","statements":[42]}""", "must be an object")]
    public void Malformed_documents_and_statements_become_warnings(string json, string expected)
    {
        var document = OpenVexDocument.Parse(Encoding.UTF8.GetBytes(json), "bad.json");

        Assert.Empty(document.Statements);
        Assert.Contains(document.Warnings, w => w.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://nvd.nist.gov/vuln/detail/CVE-2023-4911", "CVE-2023-4911")]
    [InlineData("https://osv.dev/vulnerability/GHSA-35jh-r3h4-6jhm/", "GHSA-35jh-r3h4-6jhm")]
    [InlineData("CVE-2023-4911", "CVE-2023-4911")]
    public void A_vulnerability_given_only_by_iri_is_named_by_its_last_segment(string iri, string expected)
    {
        var json = $$"""{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"@id":"{{iri}}"},"products":["pkg:npm/a"],"status":"fixed"}]}""";

        var document = OpenVexDocument.Parse(Encoding.UTF8.GetBytes(json), "iri.json");

        Assert.Equal(expected, Assert.Single(document.Statements).Vulnerability);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_without_crashing()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);

        var document = OpenVexDocument.Parse(Encoding.UTF8.GetBytes(json), "deep.json");

        Assert.Empty(document.Statements);
        Assert.Single(document.Warnings);
    }

    [Fact]
    public void A_foreign_context_and_a_bare_not_affected_are_read_with_warnings()
    {
        const string json = """{"@context":"https://example.com/other","statements":[{"vulnerability":{"name":"CVE-1"},"products":["pkg:npm/a"],"status":"not_affected"}]}""";

        var document = OpenVexDocument.Parse(Encoding.UTF8.GetBytes(json), "odd.json");

        Assert.Single(document.Statements);
        Assert.Equal(2, document.Warnings.Count);
        Assert.Equal("odd.json", document.Statements[0].Source);
    }
}
