using System.IO.Compression;
using System.Text;
using Vigil.Analyzers.Abstractions;
using Vigil.Analyzers.Maven;
using Vigil.Analyzers.Tests.Support;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Tests.Maven;

public sealed class JarAnalyzerTests
{
    private readonly JarAnalyzer _analyzer = new();

    [Fact]
    public async Task PomProperties()
    {
        var jar = Zip(("META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties", Pom("org.apache.logging.log4j", "log4j-core", "2.14.1")), ("org/x/A.class", "x"));

        var result = await AnalyzerRunner.RunAsync(_analyzer, "/app/lib/log4j-core-2.14.1.jar", jar);

        var package = Assert.Single(result.Packages);
        Assert.Equal(("org.apache.logging.log4j:log4j-core", "2.14.1", "Maven"), (package.Name, package.Version, package.Ecosystem.ToString()));
        Assert.Equal("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", package.Purl);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task ShadedJar_ListsEveryPomProperties()
    {
        var jar = Zip(
            ("META-INF/maven/com.example/app/pom.properties", Pom("com.example", "app", "1.0.0")),
            ("META-INF/maven/com.google.guava/guava/pom.properties", Pom("com.google.guava", "guava", "31.1-jre")),
            ("META-INF/maven/org.yaml/snakeyaml/pom.properties", Pom("org.yaml", "snakeyaml", "1.33")));

        var result = await AnalyzerRunner.RunAsync(_analyzer, "/app/app.jar", jar);

        Assert.Equal(["com.example:app@1.0.0", "com.google.guava:guava@31.1-jre", "org.yaml:snakeyaml@1.33"], result.Packages.Select(p => $"{p.Name}@{p.Version}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NestedJars_InWarAndSpringBootJar()
    {
        var inner = Zip(("META-INF/maven/org.springframework/spring-core/pom.properties", Pom("org.springframework", "spring-core", "5.3.18")));
        var innermost = Zip(("META-INF/maven/org.yaml/snakeyaml/pom.properties", Pom("org.yaml", "snakeyaml", "1.26")));
        var middle = Zip(("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"), ("lib/snakeyaml-1.26.jar", innermost));
        var war = Zip(("WEB-INF/lib/spring-core-5.3.18.jar", inner), ("WEB-INF/lib/middle.jar", middle), ("index.jsp", "<html/>"));

        var result = await AnalyzerRunner.RunAsync(_analyzer, "/srv/app.war", war);

        Assert.Equal(["org.springframework:spring-core@5.3.18", "org.yaml:snakeyaml@1.26"], result.Packages.Select(p => $"{p.Name}@{p.Version}").Order(StringComparer.Ordinal));
        Assert.Contains(result.Packages, p => p.FilePath == "/srv/app.war!/WEB-INF/lib/middle.jar!/lib/snakeyaml-1.26.jar");
    }

    [Fact]
    public async Task ManifestFallback_WithVendorId()
    {
        var jar = Zip(("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nImplementation-Title: commons-text\r\nImplementation-Version: 1.9\r\nImplementation-Vendor-Id: org.apache.commons\r\n"));

        var result = await AnalyzerRunner.RunAsync(_analyzer, "/app/commons-text-1.9.jar", jar);

        var package = Assert.Single(result.Packages);
        Assert.Equal(("org.apache.commons:commons-text", "1.9"), (package.Name, package.Version));
    }

    [Fact]
    public async Task ManifestWithoutGroup_ReportsNothing()
    {
        var jar = Zip(("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nImplementation-Version: 1.0\n"));

        var result = await AnalyzerRunner.RunAsync(_analyzer, "/app/mystery-1.0.jar", jar);

        Assert.Empty(result.Packages);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task CorruptZip_Warns()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/app/broken.jar", Encoding.UTF8.GetBytes("PK\u0003\u0004 this is not really a zip"));

        Assert.Empty(result.Packages);
        Assert.Contains("not a valid zip", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorruptNestedJar_WarnsAndKeepsOuter()
    {
        var war = Zip(("META-INF/maven/a/b/pom.properties", Pom("a", "b", "1")), ("WEB-INF/lib/bad.jar", "garbage"));

        var result = await AnalyzerRunner.RunAsync(_analyzer, "/srv/app.war", war);

        Assert.Equal("a:b", Assert.Single(result.Packages).Name);
        Assert.Contains("bad.jar", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LargeJar_FromForwardOnlyStream_IsSpooledNotBuffered()
    {
        // 40 MB of incompressible data: over the in-memory limit, so the archive goes through a temporary file.
        var noise = new byte[40 * 1024 * 1024];
        new Random(42).NextBytes(noise);
        var jar = Zip(("META-INF/maven/big/big/pom.properties", Pom("big", "big", "9.9")), ("blob.bin", noise));

        var result = await AnalyzerRunner.RunAsync(_analyzer, "/app/big.jar", jar);

        Assert.Equal("big:big@9.9", Assert.Single(result.Packages.Select(p => $"{p.Name}@{p.Version}")));
    }

    [Fact]
    public async Task OverTheSizeCap_WarnsWithoutReading()
    {
        var file = new FileEntry("/app/huge.jar", JarAnalyzer.MaxSize + 1, UnixFileMode.UserRead, 0, null);
        await using var stream = new ForwardOnlyStream([]);

        var result = await _analyzer.AnalyzeAsync(new AnalysisInput(file, stream), CancellationToken.None);

        Assert.Empty(result.Packages);
        Assert.Contains("over the", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/app/a.jar", true)]
    [InlineData("/app/a.WAR", true)]
    [InlineData("/app/a.ear", true)]
    [InlineData("/app/a.zip", false)]
    [InlineData("/app/a.jar.sha1", false)]
    public void IsRequired(string path, bool expected) => Assert.Equal(expected, _analyzer.IsRequired(AnalyzerRunner.File(path)));

    private static string Pom(string group, string artifact, string version) => $"#Generated by Maven\ngroupId={group}\nartifactId={artifact}\nversion={version}\n";

    private static byte[] Zip(params (string Name, object Content)[] entries)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, content is byte[] { Length: > 1024 * 1024 } ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(content is byte[] bytes ? bytes : Encoding.UTF8.GetBytes((string)content));
            }
        }

        return output.ToArray();
    }
}
