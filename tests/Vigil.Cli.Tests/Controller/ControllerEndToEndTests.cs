using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using Vigil.Kubernetes.Entities;
using Vigil.Scanning.Results;
using Vigil.Testing;
using Vigil.Testing.FakeKube;
using Vigil.Testing.Images;
using Vigil.Testing.Registry;

namespace Vigil.Cli.Tests.Controller;

/// <summary>
/// <c>vigil controller</c> as shipped, against the fake API server and a real htpasswd-protected registry: the engine
/// adapters pull with the pod's imagePullSecret, match against an imported OSV database, and re-match after a
/// database update without a single request to the registry.
/// </summary>
public sealed class ControllerEndToEndTests : IAsyncLifetime
{
    private const string User = "puller";
    private const string Password = "s3cret-pull-Password";
    private const string Lodash = """
        {"id":"GHSA-35jh-r3h4-6jhm","modified":"2024-01-01T00:00:00Z","published":"2021-02-15T00:00:00Z","aliases":["CVE-2021-23337"],
         "summary":"Command injection in lodash","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
         "affected":[{"package":{"ecosystem":"npm","name":"lodash"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.21"}]}]}]}
        """;

    private const string Minimist = """
        {"id":"GHSA-xvch-5gv4-984h","modified":"2024-01-01T00:00:00Z","published":"2022-03-18T00:00:00Z","aliases":["CVE-2021-44906"],
         "summary":"Prototype pollution in minimist","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L"}],
         "affected":[{"package":{"ecosystem":"npm","name":"minimist"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.2.6"}]}]}]}
        """;

    private const string LodashRedos = """
        {"id":"GHSA-29mw-wpgm-hmr9","modified":"2024-01-01T00:00:00Z","published":"2022-01-06T00:00:00Z","aliases":["CVE-2020-28500"],
         "summary":"ReDoS in lodash","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L"}],
         "affected":[{"package":{"ecosystem":"npm","name":"lodash"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.21"}]}]}]}
        """;

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("vigil-controller-e2e-");
    private RegistryServer _registry = null!;
    private CountingProxy _proxy = null!;
    private FakeKubeApiServer _kube = null!;
    private k8s.Kubernetes _client = null!;
    private Process? _controller;
    private readonly StringBuilder _controllerLog = new();

    public async Task InitializeAsync()
    {
        _registry = await RegistryServer.StartAsync(new RegistryServerOptions { Htpasswd = (User, Password) });
        _proxy = await CountingProxy.StartAsync(_registry.BaseUri);
        _kube = await FakeKubeApiServer.StartAsync(new FakeKubeApiServerOptions { BookmarkInterval = TimeSpan.FromMilliseconds(500) });
        _client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = _kube.BaseAddress.ToString() });
    }

    public async Task DisposeAsync()
    {
        if (_controller is { HasExited: false })
        {
            _controller.Kill(entireProcessTree: true);
            await _controller.WaitForExitAsync();
        }

        _controller?.Dispose();
        _client.Dispose();
        await _kube.DisposeAsync();
        await _proxy.DisposeAsync();
        await _registry.DisposeAsync();
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task Controller_pulls_with_the_pods_secret_and_a_database_update_needs_no_pull()
    {
        var cache = Path.Combine(_work.FullName, "cache");

        // An image with two vulnerable npm packages, pushed behind basic auth; pods see the registry through the counting proxy.
        var image = await new TestImageBuilder(Path.Combine(_work.FullName, "layout"))
            .Layer(l => l.File("app/node_modules/lodash/package.json", """{"name":"lodash","version":"4.17.20"}"""))
            .Layer(l => l.File("app/node_modules/minimist/package.json", """{"name":"minimist","version":"1.2.5"}"""))
            .BuildAsync("1.0");
        await image.PushAsync(_registry, "team/app:1.0");

        // The database knows lodash only.
        var (code, _, stderr) = await VigilProcess.RunAsync(["db", "import", await WriteAsync("lodash.json", Lodash), "--cache-dir", cache]);
        Assert.True(code == 0, stderr);

        // The cluster: CRD, a node, the pull secret and a running pod whose kubelet reported the digest.
        await InstallCrdAsync();
        await _client.CoreV1.CreateNodeAsync(new V1Node { Metadata = new V1ObjectMeta { Name = "node-1", Labels = new Dictionary<string, string> { ["kubernetes.io/os"] = "linux", ["kubernetes.io/arch"] = "amd64" } } });
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "registry-pull" },
            Type = "kubernetes.io/dockerconfigjson",
            Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = JsonSerializer.SerializeToUtf8Bytes(new { auths = new Dictionary<string, object> { [_proxy.Address] = new { auth } } }) },
        }, "shop");
        await _client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "default" } }, "shop");
        var pod = await _client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "app-0" },
            Spec = new V1PodSpec
            {
                NodeName = "node-1",
                Containers = [new V1Container { Name = "app", Image = $"{_proxy.Address}/team/app:1.0" }],
                ImagePullSecrets = [new V1LocalObjectReference { Name = "registry-pull" }],
            },
        }, "shop");
        pod.Status = new V1PodStatus
        {
            Phase = "Running",
            ContainerStatuses = [new V1ContainerStatus { Name = "app", Image = $"{_proxy.Address}/team/app:1.0", ImageID = $"{_proxy.Address}/team/app@{image.ManifestDigest}", Ready = true, RestartCount = 0 }],
        };
        await _client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, "app-0", "shop");

        var kubeconfig = Path.Combine(_work.FullName, "kubeconfig");
        await _kube.WriteKubeconfigAsync(kubeconfig);
        StartController(kubeconfig, cache);

        var first = await WaitForReportAsync(r => r.Report.Summary.Total == 1, "report with the lodash finding");
        Assert.Equal(1, first.Report.Summary.Critical);
        Assert.Equal("CVE-2021-23337", Assert.Single(first.Report.TopFindings).Id);
        Assert.Equal(image.ManifestDigest, first.Spec.Digest);
        Assert.Equal("Pod", first.Spec.Workload.Kind);
        var pulls = _proxy.Requests;
        Assert.True(pulls > 0, "the image was pulled through the proxy");

        // A database update adds a record for the other package: the report gains it, the registry sees nothing.
        (code, _, stderr) = await VigilProcess.RunAsync(["db", "import", await WriteAsync("minimist.json", Minimist), "--cache-dir", cache]);
        Assert.True(code == 0, stderr);
        var second = await WaitForReportAsync(r => r.Report.Summary.Total == 2, "report with the minimist finding");
        Assert.Contains(second.Report.TopFindings, f => f.Id == "CVE-2021-44906" && f.Package == "minimist");
        Assert.NotEqual(first.Report.DatabaseVersion, second.Report.DatabaseVersion);
        Assert.Equal(pulls, _proxy.Requests);

        // The same cache dir's results database (what `vigil serve` reads) has the workload and both findings.
        using var store = new SqliteResultStore(Path.Combine(cache, "results.db"), TimeProvider.System);
        var workload = await store.GetWorkloadAsync(new WorkloadKey("prod-eu-1", "shop", "Pod", "app-0"), default);
        Assert.NotNull(workload);
        Assert.Equal(2, (await store.GetFindingsAsync(Vigil.Core.Digest.Parse(image.ManifestDigest), default)).Count);
        Assert.DoesNotContain(Password, _controllerLog.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(auth, _controllerLog.ToString(), StringComparison.Ordinal);

        // A restart forgets everything in memory; the database changed while it was down. The image is matched again
        // from its cached SBOM, found by the pinned digest: still not one request to the registry.
        _controller!.Kill(entireProcessTree: true);
        await _controller.WaitForExitAsync();
        (code, _, stderr) = await VigilProcess.RunAsync(["db", "import", await WriteAsync("lodash-redos.json", LodashRedos), "--cache-dir", cache]);
        Assert.True(code == 0, stderr);
        StartController(kubeconfig, cache);
        var third = await WaitForReportAsync(r => r.Report.Summary.Total == 3, "report after a restart");
        Assert.Contains(third.Report.TopFindings, f => f.Id == "CVE-2020-28500");
        Assert.Equal(pulls, _proxy.Requests);
    }

    private void StartController(string kubeconfig, string cache)
    {
        var start = VigilProcess.StartInfo(
        [
            "controller", "--kubeconfig", kubeconfig, "--cache-dir", cache,
            "--leader-elect", "false", "--metrics-address", $"127.0.0.1:{FreePort()}", "--db-check-interval", "00:00:00.500",
            "--report-base-url", "http://127.0.0.1:8080/", "--log-level", "Information", "--cluster-name", "prod-eu-1",
        ], clusterSide: true);

        _controller?.Dispose();
        _controller = Process.Start(start)!;
        _controller.OutputDataReceived += (_, e) => Append(e.Data);
        _controller.ErrorDataReceived += (_, e) => Append(e.Data);
        _controller.BeginOutputReadLine();
        _controller.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_controllerLog)
            {
                _controllerLog.AppendLine(line);
            }
        }
    }

    private async Task<V1Alpha1VulnerabilityReport> WaitForReportAsync(Func<V1Alpha1VulnerabilityReport, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var list = await _client.CustomObjects.ListNamespacedCustomObjectAsync(V1Alpha1VulnerabilityReport.Group, V1Alpha1VulnerabilityReport.Version, "shop", V1Alpha1VulnerabilityReport.Plural);
            var reports = JsonSerializer.SerializeToElement(list).GetProperty("items").EnumerateArray()
                .Select(i => KubernetesJson.Deserialize<V1Alpha1VulnerabilityReport>(i.GetRawText())).ToList();
            if (reports.FirstOrDefault(condition) is { } report)
            {
                return report;
            }

            Assert.True(_controller is { HasExited: false }, $"the controller exited while waiting for {what}:\n{Log()}");
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}; proxy requests {_proxy.Requests}; controller log:\n{Log()}");
            await Task.Delay(200);
        }
    }

    private string Log()
    {
        lock (_controllerLog)
        {
            return _controllerLog.ToString();
        }
    }

    private async Task InstallCrdAsync()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.RepositoryRoot, "deploy", "crds", "vulnerabilityreports.vigil.dev.yaml"));
        await _client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(yaml));
    }

    private async Task<string> WriteAsync(string name, string json)
    {
        var path = Path.Combine(_work.FullName, name);
        await File.WriteAllTextAsync(path, json.ReplaceLineEndings(" "));
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
