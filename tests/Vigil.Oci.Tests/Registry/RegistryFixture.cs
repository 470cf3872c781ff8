using Vigil.Oci.Tests.Support;
using Vigil.Testing.Images;
using Vigil.Testing.Registry;

namespace Vigil.Oci.Tests.Registry;

/// <summary>One real registry with a few images pushed, shared by the read-only registry tests.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private readonly TempDirectory temp = new();

    public RegistryServer Registry { get; private set; } = null!;

    public TestImage App { get; private set; } = null!;

    public string AppReference { get; private set; } = null!;

    public string DockerFormatReference { get; private set; } = null!;

    public string MultiArchReference { get; private set; } = null!;

    public string ZstdReference { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Registry = await RegistryServer.StartAsync();
        var layout = temp.Combine("layout");
        App = await new TestImageBuilder(layout)
            .Layer(l => l.File("/etc/os-release", "ID=debian\nVERSION_ID=12\n").File("/app/node_modules/lodash/package.json", "{\"version\":\"4.17.15\"}"))
            .Layer(l => l.Whiteout("/app/node_modules/lodash").File("/app/package.json", "{\"name\":\"app\"}"))
            .BuildAsync("app");
        AppReference = await App.PushAsync(Registry, "team/app:v1");
        DockerFormatReference = await App.PushAsync(Registry, "team/app:v2s2", dockerFormat: true);
        var amd64 = await new TestImageBuilder(layout).Layer(l => l.File("/arch", "amd64")).BuildAsync("amd64");
        var arm64 = await new TestImageBuilder(layout).Platform("linux", "arm64").Layer(l => l.File("/arch", "arm64")).BuildAsync("arm64");
        var index = await TestImageBuilder.BuildIndexAsync(layout, "multi", [(amd64, "linux", "amd64"), (arm64, "linux", "arm64")]);
        MultiArchReference = await index.PushAsync(Registry, "team/multi:1");
        var zstd = await new TestImageBuilder(layout)
            .Layer(l => { l.Compression = LayerCompression.Zstd; l.File("/etc/os-release", "ID=zstd\n"); })
            .BuildAsync("zstd");
        ZstdReference = await zstd.PushAsync(Registry, "team/zstd:1");
    }

    public async Task DisposeAsync()
    {
        await Registry.DisposeAsync();
        temp.Dispose();
    }
}
