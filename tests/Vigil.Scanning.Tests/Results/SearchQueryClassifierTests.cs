using Vigil.Scanning.Results;

namespace Vigil.Scanning.Tests.Results;

public sealed class SearchQueryClassifierTests
{
    [Theory]
    [InlineData("CVE-2024-3094", SearchKind.Vulnerability)]
    [InlineData("cve-2024-3094", SearchKind.Vulnerability)]
    [InlineData("GHSA-jfh8-c2jp-5v3q", SearchKind.Vulnerability)]
    [InlineData("DSA-5000-1", SearchKind.Vulnerability)]
    [InlineData("GO-2022-0001", SearchKind.Vulnerability)]
    [InlineData("RUSTSEC-2021-0001", SearchKind.Vulnerability)]
    [InlineData("  CVE-2021-44228 ", SearchKind.Vulnerability)]
    [InlineData("openssl", SearchKind.Package)]
    [InlineData("log4j-core", SearchKind.Package)]
    [InlineData("python3-urllib3", SearchKind.Package)]
    [InlineData("cve", SearchKind.Package)]
    [InlineData("nginx:1.25", SearchKind.Image)]
    [InlineData("docker.io/library/nginx", SearchKind.Image)]
    [InlineData("sha256:abc", SearchKind.Image)]
    [InlineData("ghcr.io/acme/app@sha256:0000", SearchKind.Image)]
    [InlineData("", SearchKind.Package)]
    public void Classifies_by_shape(string query, SearchKind expected) =>
        Assert.Equal(expected, SearchQueryClassifier.Classify(query));
}
