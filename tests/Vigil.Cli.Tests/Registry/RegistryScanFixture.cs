using Vigil.Testing.Images;
using Vigil.Testing.Registry;

namespace Vigil.Cli.Tests.Registry;

/// <summary>
/// A real local registry holding a vulnerable and a clean image (npm packages on Debian), and a cache directory with a
/// small OSV database imported through <c>vigil db import</c>, as a pipeline would prepare it.
/// </summary>
public sealed class RegistryScanFixture : IAsyncLifetime
{
    private RegistryServer? registry;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("vigil-cli-registry-").FullName;

    public string CacheDir => Path.Combine(Directory, "cache");

    public RegistryServer Registry => registry ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>An OCI layout with both images (tags <c>vulnerable</c>, <c>clean</c>), for pushing elsewhere.</summary>
    public string Layout => Path.Combine(Directory, "layout");

    public TestImage Vulnerable { get; private set; } = null!;

    public TestImage Clean { get; private set; } = null!;

    /// <summary><c>127.0.0.1:port/team/app:vulnerable</c>.</summary>
    public string VulnerableReference { get; private set; } = string.Empty;

    /// <summary><c>127.0.0.1:port/team/app:clean</c>.</summary>
    public string CleanReference { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Vulnerable = await BuildAsync("vulnerable", lodash: "4.17.15", minimist: "1.2.5");
        Clean = await BuildAsync("clean", lodash: "4.17.21", minimist: "1.2.8");

        var osv = Path.Combine(Directory, "osv");
        System.IO.Directory.CreateDirectory(osv);
        await File.WriteAllTextAsync(Path.Combine(osv, "lodash.json"), OsvRecord("GHSA-p6mc-m468-83gw", "CVE-2020-8203", "lodash", "3.7.0", "4.17.19", "HIGH", "Prototype pollution in lodash zipObjectDeep"));
        await File.WriteAllTextAsync(Path.Combine(osv, "minimist.json"), OsvRecord("GHSA-xvch-5gv4-984h", "CVE-2021-44906", "minimist", "0", "1.2.6", "CRITICAL", "Prototype pollution in minimist"));
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(["db", "import", osv, "--cache-dir", CacheDir]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"vigil db import failed ({exitCode}): {stdout}{stderr}");
        }

        registry = await RegistryServer.StartAsync();
        VulnerableReference = await Vulnerable.PushAsync(Registry, "team/app:vulnerable");
        CleanReference = await Clean.PushAsync(Registry, "team/app:clean");
    }

    public async Task DisposeAsync()
    {
        if (registry is not null)
        {
            await registry.DisposeAsync();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private Task<TestImage> BuildAsync(string tag, string lodash, string minimist) =>
        new TestImageBuilder(Layout)
            .Layer(l => l
                .File("/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n")
                .File("/etc/debian_version", "12.5\n"))
            .Layer(l => l
                .File("/app/package.json", "{\"name\":\"shop\",\"version\":\"1.0.0\",\"dependencies\":{\"lodash\":\"^4.17.0\",\"minimist\":\"^1.2.0\"}}")
                .File("/app/node_modules/lodash/package.json", $"{{\"name\":\"lodash\",\"version\":\"{lodash}\",\"license\":\"MIT\"}}")
                .File("/app/node_modules/minimist/package.json", $"{{\"name\":\"minimist\",\"version\":\"{minimist}\",\"license\":\"MIT\"}}"))
            .BuildAsync(tag);

    // Records written for these tests in the OSV schema; only the fields Vigil matches on and reports.
    private static string OsvRecord(string id, string alias, string package, string introduced, string fixedVersion, string severity, string summary) => $$"""
        {
          "schema_version": "1.6.0",
          "id": "{{id}}",
          "modified": "2024-01-10T00:00:00Z",
          "published": "2021-03-01T00:00:00Z",
          "aliases": ["{{alias}}"],
          "summary": "{{summary}}",
          "details": "Test record: {{package}} before {{fixedVersion}} is affected.",
          "affected": [{
            "package": { "ecosystem": "npm", "name": "{{package}}", "purl": "pkg:npm/{{package}}" },
            "ranges": [{ "type": "SEMVER", "events": [{ "introduced": "{{introduced}}" }, { "fixed": "{{fixedVersion}}" }] }],
            "database_specific": { "severity": "{{severity}}" }
          }],
          "references": [{ "type": "ADVISORY", "url": "https://nvd.nist.gov/vuln/detail/{{alias}}" }]
        }
        """;
}
