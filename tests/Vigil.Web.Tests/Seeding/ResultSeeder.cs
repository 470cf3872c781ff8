using System.Globalization;
using System.Text;
using Vigil.Core;
using Vigil.Scanning.Results;

namespace Vigil.Web.Tests.Seeding;

/// <summary>
/// Writes a deterministic, realistic estate into a results database: namespaces of workloads running app images and
/// shared third-party images, findings per image from per-ecosystem vulnerability pools (with a few famous CVEs
/// planted), a month of daily snapshots (images discovered, then some patched), and suppressions.
/// </summary>
public static class ResultSeeder
{
    private const int VulnerabilitiesPerPackage = 60;

    public static async Task<SeedResult> SeedAsync(string databasePath, SeedOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var clock = new SeedClock(options.Now.AddDays(-(options.HistoryDays - 1)).Date.AddHours(6));
        using var store = new SqliteResultStore(databasePath, clock);

        var pools = BuildPools(random);
        var images = new Dictionary<Digest, SeedImage>();
        var workloads = BuildWorkloads(options, random, images);
        foreach (var (workload, containers) in workloads)
        {
            await store.UpsertWorkloadAsync(workload, containers, cancellationToken).ConfigureAwait(false);
        }

        var findings = AssignFindings(options, random, pools, images.Values.ToList());
        var scanOrder = images.Keys.OrderBy(_ => random.Next()).ToList();
        var pending = scanOrder.Take(Math.Max(1, scanOrder.Count * 3 / 100)).ToHashSet();
        var toScan = scanOrder.Where(d => !pending.Contains(d)).ToList();
        var discoveryDays = Math.Max(1, options.HistoryDays - 5);
        var perDay = (int)Math.Ceiling(toScan.Count / (double)discoveryDays);
        var final = new Dictionary<Digest, IReadOnlyList<StoredFinding>>();

        for (var day = 0; day < options.HistoryDays; day++)
        {
            clock.Now = options.Now.AddDays(day - options.HistoryDays + 1);
            var scan = ScanInfo(clock.Now, day, random);
            if (day < discoveryDays)
            {
                foreach (var digest in toScan.Skip(day * perDay).Take(perDay))
                {
                    await store.ReplaceStoredFindingsAsync(scan(digest), findings[digest], cancellationToken).ConfigureAwait(false);
                    final[digest] = findings[digest];
                }
            }
            else
            {
                // Remediation: a few images get rebuilt each day without their fixable critical and high findings.
                foreach (var digest in final.Keys.OrderBy(_ => random.Next()).Take(Math.Max(1, final.Count * 4 / 100)).ToList())
                {
                    var patched = final[digest].Where(f => !(f.IsFixable && f.Severity >= Severity.High)).ToList();
                    await store.ReplaceStoredFindingsAsync(scan(digest), patched, cancellationToken).ConfigureAwait(false);
                    final[digest] = patched;
                }
            }

            await store.RecordSnapshotAsync(cancellationToken).ConfigureAwait(false);
        }

        var suppressions = BuildSuppressions(options.Now, pools);
        await store.ReplaceSuppressionsAsync(suppressions, cancellationToken).ConfigureAwait(false);
        return new SeedResult(workloads, final, suppressions);
    }

    private static Func<Digest, ImageScanInfo> ScanInfo(DateTimeOffset now, int day, Random random)
    {
        var built = now.Date.AddHours(4);
        var version = "osv-" + built.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return digest => new ImageScanInfo(digest, version, now.AddMinutes(-random.Next(0, 120)))
        {
            DatabaseBuiltAt = new DateTimeOffset(built, TimeSpan.Zero),
            OperatingSystem = null,
        };
    }

    private static List<(Workload, IReadOnlyList<WorkloadContainer>)> BuildWorkloads(SeedOptions options, Random random, Dictionary<Digest, SeedImage> images)
    {
        var thirdParty = SeedCatalog.ThirdParty.ToDictionary(
            t => t.Repository,
            t => Register(images, t.Repository, t.Tag, t.Os, t.App, isThirdParty: true),
            StringComparer.Ordinal);
        var infraNamespaces = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["monitoring"] = ["quay.io/prometheus/node-exporter", "ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector"],
            ["logging"] = ["cr.fluentbit.io/fluent/fluent-bit", "docker.elastic.co/elasticsearch/elasticsearch"],
            ["ingress-nginx"] = ["registry.k8s.io/ingress-nginx/controller"],
            ["cert-manager"] = ["quay.io/jetstack/cert-manager-controller"],
            ["kube-system"] = ["quay.io/prometheus/node-exporter", "docker.io/envoyproxy/envoy"],
        };
        var dataImages = new[] { "docker.io/library/redis", "docker.io/library/postgres", "docker.io/bitnami/kafka", "docker.io/library/rabbitmq", "docker.io/library/nginx" };

        var result = new List<(Workload, IReadOnlyList<WorkloadContainer>)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        SeedImage? previousApp = null;
        for (var i = 0; i < options.Workloads; i++)
        {
            var ns = SeedCatalog.Namespaces[Skewed(random, SeedCatalog.Namespaces.Length)];
            var component = SeedCatalog.Components[random.Next(SeedCatalog.Components.Length)];
            var baseName = $"{ns.Split('-')[0]}-{component}";
            var name = baseName;
            for (var n = 2; !names.Add($"{ns}/{name}"); n++)
            {
                name = $"{baseName}-{n}";
            }

            var kind = SeedCatalog.Kinds[random.Next(SeedCatalog.Kinds.Length)];
            SeedImage main;
            if (infraNamespaces.TryGetValue(ns, out var infra))
            {
                main = thirdParty[infra[random.Next(infra.Length)]];
                kind = main.Repository.Contains("exporter", StringComparison.Ordinal) || main.Repository.Contains("fluent", StringComparison.Ordinal) ? "DaemonSet" : kind;
            }
            else if (random.Next(100) < 12)
            {
                main = thirdParty[dataImages[random.Next(dataImages.Length)]];
                kind = "StatefulSet";
            }
            else if (previousApp is not null && previousApp.Repository.Contains($"/{ns}/", StringComparison.Ordinal) && random.Next(100) < 20)
            {
                main = previousApp; // api and worker built from one image
            }
            else
            {
                var (os, app) = SeedCatalog.AppStacks[random.Next(SeedCatalog.AppStacks.Length)];
                var version = $"{random.Next(1, 4)}.{random.Next(0, 30)}.{random.Next(0, 10)}";
                main = Register(images, $"ghcr.io/acme/{ns}/{name}", version, os, app, isThirdParty: false);
                previousApp = main;
            }

            var platform = random.Next(100) < 10 ? new Platform("linux", "arm64") : Platform.Default;
            var containers = new List<WorkloadContainer>();
            if (!main.IsThirdParty && random.Next(100) < 10)
            {
                containers.Add(Container("migrate", main, platform) with { IsInit = true });
            }

            containers.Add(Container(component, main, platform));
            if (random.Next(100) < 35)
            {
                var sidecar = thirdParty[SeedCatalog.Sidecars[random.Next(SeedCatalog.Sidecars.Length)]];
                containers.Add(Container(sidecar.Repository.Split('/')[^1].Split('-')[0], sidecar, platform));
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["app.kubernetes.io/name"] = name,
                ["app.kubernetes.io/part-of"] = ns,
                ["team"] = ns.Split('-')[0],
            };
            result.Add((new Workload(new WorkloadKey("prod-eu-1", ns, kind, name), labels), containers));
        }

        return result;
    }

    private static WorkloadContainer Container(string name, SeedImage image, Platform platform) =>
        new(name, $"{image.Repository}:{image.Tag}", image.Repository, image.Digest, platform);

    private static SeedImage Register(Dictionary<Digest, SeedImage> images, string repository, string tag, string os, string? app, bool isThirdParty)
    {
        var digest = Digest.Sha256(Encoding.UTF8.GetBytes($"{repository}:{tag}"));
        if (!images.TryGetValue(digest, out var image))
        {
            image = new SeedImage(digest, repository, tag, os, app, isThirdParty);
            images.Add(digest, image);
        }

        return image;
    }

    /// <summary>Leans towards the first entries: a few big namespaces, many small ones.</summary>
    private static int Skewed(Random random, int count) => (int)Math.Min(count - 1, Math.Floor(count * Math.Pow(random.NextDouble(), 1.6)));

    private static Dictionary<string, List<StoredFinding>> BuildPools(Random random)
    {
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var pools = new Dictionary<string, List<StoredFinding>>(StringComparer.Ordinal);
        foreach (var (key, (ecosystem, type, purlType, packages)) in SeedCatalog.Ecosystems)
        {
            var pool = new List<StoredFinding>();
            foreach (var package in packages)
            {
                var installed = $"{random.Next(0, 4)}.{random.Next(0, 20)}.{random.Next(0, 30)}";
                foreach (var famous in SeedCatalog.Famous.Where(f => f.Package == package))
                {
                    pool.Add(Make(famous.Id, [famous.Id, .. famous.Aliases], package, installed, famous.Severity, famous.Cvss, famous.Fixed, famous.Summary));
                }

                for (var v = 0; v < VulnerabilitiesPerPackage; v++)
                {
                    string id;
                    do
                    {
                        id = $"CVE-{random.Next(2018, 2027)}-{random.Next(1000, 52000)}";
                    }
                    while (!usedIds.Add(id));

                    var roll = random.Next(100);
                    var severity = roll < 6 ? Severity.Critical : roll < 26 ? Severity.High : roll < 68 ? Severity.Medium : roll < 94 ? Severity.Low : Severity.Unknown;
                    double? cvss = severity switch
                    {
                        Severity.Critical => 9.0 + (random.Next(0, 11) / 10.0),
                        Severity.High => 7.0 + (random.Next(0, 20) / 10.0),
                        Severity.Medium => 4.0 + (random.Next(0, 30) / 10.0),
                        Severity.Low => 1.0 + (random.Next(0, 30) / 10.0),
                        _ => null,
                    };
                    var aliases = new List<string> { id };
                    if (type == PackageType.Library && random.Next(100) < 70)
                    {
                        aliases.Add($"GHSA-{Block(random)}-{Block(random)}-{Block(random)}");
                    }
                    else if (type == PackageType.Os && random.Next(100) < 30)
                    {
                        aliases.Add(ecosystem.StartsWith("Debian", StringComparison.Ordinal) ? $"DSA-{random.Next(4000, 5800)}-1" : $"ALPINE-{id}");
                    }

                    var fixedVersion = random.Next(100) < 65 ? $"{installed}-{random.Next(1, 9)}" : null;
                    pool.Add(Make(id, aliases, package, installed, severity, cvss, fixedVersion, Summary(random, package)));
                }
            }

            pools[key] = pool;

            StoredFinding Make(string id, List<string> aliases, string package, string installed, Severity severity, double? cvss, string? fixedVersion, string summary) =>
                new(id, severity, package, installed)
                {
                    Aliases = aliases,
                    PackageType = type,
                    Ecosystem = ecosystem,
                    Purl = $"pkg:{purlType}/{package.Replace(':', '/')}@{installed}",
                    FixedVersion = fixedVersion,
                    CvssScore = cvss,
                    CvssVector = cvss is null ? null : "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                    Summary = summary,
                    References = [$"https://nvd.nist.gov/vuln/detail/{id}", $"https://osv.dev/vulnerability/{id}"],
                };
        }

        return pools;
    }

    private static Dictionary<Digest, List<StoredFinding>> AssignFindings(SeedOptions options, Random random, Dictionary<string, List<StoredFinding>> pools, List<SeedImage> images)
    {
        // Lognormal-ish weights: most images have a moderate number, a few have very many.
        var weights = images.Select(_ => Math.Exp(random.NextDouble() * 2.2)).ToList();
        var scale = options.Findings / weights.Sum();
        var result = new Dictionary<Digest, List<StoredFinding>>();
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            var candidates = pools[image.Os].Concat(image.App is null ? [] : pools[image.App]).ToList();
            var wanted = Math.Min(candidates.Count, Math.Max(1, (int)Math.Round(weights[i] * scale)));
            var famous = candidates.Where(c => SeedCatalog.Famous.Any(f => f.Id == c.Id) && (image.IsThirdParty || random.Next(100) < 25)).ToList();
            var chosen = famous.Concat(candidates.Except(famous).OrderBy(_ => random.Next()).Take(Math.Max(0, wanted - famous.Count))).ToList();
            result[image.Digest] = chosen;
        }

        return result;
    }

    private static List<Suppression> BuildSuppressions(DateTimeOffset now, Dictionary<string, List<StoredFinding>> pools)
    {
        var npm = pools["npm"];
        var debian = pools["debian"];
        return
        [
            new("CVE-2023-44487", "namespace:ingress-nginx", "HTTP/2 is terminated at the cloud load balancer; the controller only speaks HTTP/1.1 upstream.", now.AddDays(12)) { Source = "VigilPolicy/platform", CreatedAt = now.AddDays(-18) },
            new(npm[3].Id, "image:ghcr.io/acme/frontend/*", "Only used by the build toolchain, not shipped at run time.", now.AddDays(3)) { Source = "ignore file: frontend/.vigilignore", CreatedAt = now.AddDays(-40) },
            new(debian[10].Id, "cluster", "Accepted risk: the vulnerable code path needs local access.", now.AddDays(45)) { Source = "VigilPolicy/security", CreatedAt = now.AddDays(-5) },
            new(debian[42].Id, "namespace:kube-system", "Vendor says not affected (VEX).", null) { Source = "VEX: vendor-2026-11.json", CreatedAt = now.AddDays(-2) },
            new("*", "namespace:sandbox", "Experiments; never exposed.", now.AddDays(1)) { Source = "VigilPolicy/platform", CreatedAt = now.AddDays(-60) },
        ];
    }

    private static string Block(Random random)
    {
        const string Alphabet = "23456789cfghjmpqrvwx";
        return string.Create(4, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }

    private static string Summary(Random random, string package)
    {
        string[] problems =
        [
            "heap buffer overflow when parsing crafted input", "denial of service through excessive memory use", "out-of-bounds read in the decoder",
            "improper certificate validation", "path traversal when extracting archives", "prototype pollution through merged objects",
            "regular expression denial of service", "use-after-free during connection teardown", "integer overflow in length calculation",
            "HTTP request smuggling through malformed headers", "server-side request forgery via redirects", "information disclosure in error messages",
        ];
        return $"{package}: {problems[random.Next(problems.Length)]}";
    }

    private sealed record SeedImage(Digest Digest, string Repository, string Tag, string Os, string? App, bool IsThirdParty);
}
