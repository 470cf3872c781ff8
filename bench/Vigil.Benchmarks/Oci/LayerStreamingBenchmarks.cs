using System.Diagnostics;
using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Vigil.Core.FileSystem;
using Vigil.Oci;
using Vigil.Oci.Layers;

namespace Vigil.Benchmarks.Oci;

/// <summary>
/// Streams every layer of the fixture image <c>app-whiteout</c> (3 layers, ~52 MB gzip, ~126 MB tar; build it with
/// <c>/work/shared/fixtures/make-fixtures.sh build</c>, or set <c>VIGIL_FIXTURE_LAYOUT</c> to an OCI layout and
/// <c>VIGIL_FIXTURE_TAG</c>) three ways: raw <see cref="GZipStream"/> over the blobs (the decompression floor), and
/// Vigil's layer walk (digest check, tar walk, whiteouts, a few wanted files read) one layer at a time and concurrently.
/// Warm-up runs let tiered JIT settle (the first runs of the tar walk are Tier-0 code). Run: <c>dotnet run -c Release --project bench/Vigil.Benchmarks -- --filter '*LayerStreaming*'</c>. Runs in process (the
/// generated project would rebuild the whole CLI), and prints CPU time per operation too, because wall time on a shared
/// machine measures the neighbours.
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class LayerStreamingBenchmarks
{
    private readonly List<double> cpuSeconds = [];
    private TimeSpan cpuAtStart;

    private readonly ImageSourceResolver resolver = ImageSourceResolver.Create();
    private readonly LayeredImageReader reader = LayeredImageReader.Create();
    private string input = string.Empty;
    private List<string> blobs = [];

    /// <summary>Bytes of uncompressed tar over all layers, for MB/s.</summary>
    public long UncompressedBytes { get; private set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var layout = Environment.GetEnvironmentVariable("VIGIL_FIXTURE_LAYOUT")
            ?? Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "vigil-fixtures", "images", "oci");
        input = $"{layout}:{Environment.GetEnvironmentVariable("VIGIL_FIXTURE_TAG") ?? "app-whiteout"}";
        await using var source = await resolver.OpenAsync(input);
        blobs = source.Layers.Select(l => Path.Combine(layout, "blobs", l.Digest.Algorithm, l.Digest.Hex)).ToList();
        UncompressedBytes = RawGZipStream();
        await Console.Out.WriteLineAsync($"// {input}: {source.Layers.Count} layers, {blobs.Sum(b => new FileInfo(b).Length) / 1e6:F1} MB compressed, {UncompressedBytes / 1e6:F1} MB uncompressed");
    }

    [IterationSetup]
    public void StartCpu() => cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    [IterationCleanup]
    public void StopCpu() => cpuSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds);

    [GlobalCleanup]
    public void ReportCpu()
    {
        if (cpuSeconds.Count > 0)
        {
            // The median leaves out the first (Tier-0 JIT) runs, which warm-up iterations also pass through here.
            var median = cpuSeconds.Order().ElementAt(cpuSeconds.Count / 2);
            Console.WriteLine($"// CPU per operation (median of {cpuSeconds.Count}): {median * 1000:F0} ms = {UncompressedBytes / 1e6 / median:F0} MB/s of uncompressed tar");
        }
    }

    [Benchmark(Baseline = true, Description = "raw GZipStream")]
    public long RawGZipStream()
    {
        var buffer = new byte[128 * 1024];
        long total = 0;
        foreach (var blob in blobs)
        {
            using var file = new FileStream(blob, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                total += read;
            }
        }

        return total;
    }

    [Benchmark(Description = "Vigil layer walk, 1 layer at a time")]
    public Task<long> LayerWalkSequential() => WalkAsync(1);

    [Benchmark(Description = "Vigil layer walk, 3 layers at once")]
    public Task<long> LayerWalkConcurrent() => WalkAsync(3);

    private async Task<long> WalkAsync(int concurrency)
    {
        await using var source = await resolver.OpenAsync(input);
        var fs = await reader.ReadAsync(source, new AnalyzerLikeVisitor(), new LayerReadOptions { MaxConcurrentLayers = concurrency });
        return fs.FilesSeen;
    }

    /// <summary>Wants what package analyzers want: a handful of small files out of thousands.</summary>
    private sealed class AnalyzerLikeVisitor : IFileVisitor
    {
        public bool Wants(FileEntry entry) =>
            entry.Path is "/var/lib/dpkg/status" or "/etc/os-release" or "/usr/lib/os-release"
            || entry.Path.EndsWith("/package.json", StringComparison.Ordinal)
            || entry.Path.EndsWith(".deps.json", StringComparison.Ordinal);

        public async ValueTask VisitAsync(FileEntry entry, Stream content, CancellationToken cancellationToken) =>
            await content.CopyToAsync(Stream.Null, cancellationToken);
    }

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1).WithWarmupCount(4).WithIterationCount(7));
    }
}
