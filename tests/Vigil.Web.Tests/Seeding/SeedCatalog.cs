using Vigil.Core;

namespace Vigil.Web.Tests.Seeding;

/// <summary>Realistic names: namespaces, components, third-party images and vulnerable packages per ecosystem.</summary>
internal static class SeedCatalog
{
    public static readonly string[] Namespaces =
    [
        "payments", "checkout", "catalog", "search", "auth", "billing", "frontend", "api-gateway", "monitoring", "logging",
        "ingress-nginx", "cert-manager", "kube-system", "data-pipeline", "ml-serving", "notifications", "orders", "inventory",
        "shipping", "reporting", "analytics", "backoffice", "identity", "media", "chat",
    ];

    public static readonly string[] Components = ["api", "worker", "web", "scheduler", "consumer", "sync", "gateway", "exporter", "indexer", "admin", "reconciler", "webhook"];

    public static readonly string[] Kinds = ["Deployment", "Deployment", "Deployment", "Deployment", "StatefulSet", "DaemonSet", "CronJob"];

    /// <summary>Shared images: (repository, tag, os family, app ecosystem or null).</summary>
    public static readonly (string Repository, string Tag, string Os, string? App)[] ThirdParty =
    [
        ("docker.io/library/nginx", "1.25.3", "debian", null),
        ("docker.io/library/redis", "7.2.4", "debian", null),
        ("docker.io/library/postgres", "16.1", "debian", null),
        ("docker.io/bitnami/kafka", "3.6.1", "debian", "Maven"),
        ("quay.io/prometheus/node-exporter", "v1.7.0", "busybox", "Go"),
        ("registry.k8s.io/ingress-nginx/controller", "v1.9.5", "alpine", "Go"),
        ("quay.io/jetstack/cert-manager-controller", "v1.13.3", "distroless", "Go"),
        ("docker.io/envoyproxy/envoy", "v1.28.0", "debian", null),
        ("cr.fluentbit.io/fluent/fluent-bit", "2.2.2", "debian", null),
        ("docker.io/library/rabbitmq", "3.12-management", "debian", null),
        ("docker.elastic.co/elasticsearch/elasticsearch", "8.11.3", "debian", "Maven"),
        ("ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector", "0.91.0", "distroless", "Go"),
    ];

    public static readonly string[] Sidecars = ["docker.io/envoyproxy/envoy", "cr.fluentbit.io/fluent/fluent-bit", "ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector"];

    public static readonly (string Os, string App)[] AppStacks =
    [
        ("debian", "npm"), ("debian", "PyPI"), ("debian", "Maven"), ("alpine", "Go"), ("alpine", "npm"), ("debian", "NuGet"), ("distroless", "Go"), ("alpine", "PyPI"),
    ];

    public static readonly Dictionary<string, (string Ecosystem, PackageType Type, string PurlType, string[] Packages)> Ecosystems = new()
    {
        ["debian"] = ("Debian:12", PackageType.Os, "deb/debian", [
            "openssl", "libssl3", "zlib1g", "libc6", "curl", "libcurl4", "libxml2", "perl-base", "bash", "tar", "libgnutls30", "libsystemd0",
            "libsqlite3-0", "libglib2.0-0", "libexpat1", "libkrb5-3", "libtasn1-6", "libncursesw6", "util-linux", "git", "xz-utils", "libwebp7",
            "libtiff6", "libpng16-16", "libgcrypt20", "libssh2-1", "openssh-client", "libde265-0", "libheif1", "imagemagick"]),
        ["alpine"] = ("Alpine:v3.19", PackageType.Os, "apk/alpine", ["musl", "busybox", "libcrypto3", "libssl3", "zlib", "curl", "libexpat", "ncurses-libs", "xz-libs", "libwebp"]),
        ["busybox"] = ("Alpine:v3.19", PackageType.Os, "apk/alpine", ["busybox"]),
        ["distroless"] = ("Debian:12", PackageType.Os, "deb/debian", ["libc6", "libssl3", "tzdata"]),
        ["npm"] = ("npm", PackageType.Library, "npm", ["lodash", "axios", "express", "minimist", "follow-redirects", "semver", "jsonwebtoken", "ws", "tough-cookie", "word-wrap", "undici", "next", "postcss", "qs", "body-parser"]),
        ["PyPI"] = ("PyPI", PackageType.Library, "pypi", ["requests", "urllib3", "jinja2", "cryptography", "django", "pillow", "pyyaml", "werkzeug", "flask", "aiohttp", "certifi", "setuptools"]),
        ["Maven"] = ("Maven", PackageType.Library, "maven", ["org.apache.logging.log4j:log4j-core", "com.fasterxml.jackson.core:jackson-databind", "org.springframework:spring-web", "io.netty:netty-codec-http", "org.yaml:snakeyaml", "com.google.guava:guava", "org.apache.commons:commons-text"]),
        ["Go"] = ("Go", PackageType.Library, "golang", ["golang.org/x/net", "google.golang.org/grpc", "github.com/docker/docker", "golang.org/x/crypto", "google.golang.org/protobuf", "github.com/opencontainers/runc", "stdlib"]),
        ["NuGet"] = ("NuGet", PackageType.Library, "nuget", ["System.Text.Json", "Newtonsoft.Json", "Microsoft.Data.SqlClient", "System.Drawing.Common", "Azure.Identity"]),
    };

    /// <summary>Well-known vulnerabilities planted in specific packages, so searches have famous answers.</summary>
    public static readonly (string Id, string[] Aliases, string Package, Severity Severity, double Cvss, string? Fixed, string Summary)[] Famous =
    [
        ("CVE-2021-44228", ["GHSA-jfh8-c2jp-5v3q"], "org.apache.logging.log4j:log4j-core", Severity.Critical, 10.0, "2.15.0", "Log4Shell: remote code execution through JNDI lookups in log messages"),
        ("CVE-2024-3094", [], "xz-utils", Severity.Critical, 10.0, "5.4.5-0.3", "Malicious code in the xz upstream tarballs (liblzma backdoor)"),
        ("CVE-2023-4863", ["GHSA-j7hp-h8jx-5ppr"], "libwebp7", Severity.High, 8.8, "1.2.4-0.2+deb12u1", "Heap buffer overflow in libwebp's lossless decoder"),
        ("CVE-2023-44487", ["GHSA-qppj-fm5r-hxr3"], "golang.org/x/net", Severity.High, 7.5, "0.17.0", "HTTP/2 rapid reset can cause denial of service"),
        ("CVE-2022-0778", ["DSA-5103-1"], "openssl", Severity.High, 7.5, "1.1.1n-0+deb11u1", "Infinite loop in BN_mod_sqrt() reachable when parsing certificates"),
    ];
}
