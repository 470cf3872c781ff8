using Vigil.Analyzers.NuGet;
using Vigil.Analyzers.Tests.Support;

namespace Vigil.Analyzers.Tests.NuGet;

public sealed class NuGetAnalyzerTests
{
    [Fact]
    public async Task DepsJson_PackagesOnly()
    {
        const string json = """
            {"runtimeTarget":{"name":".NETCoreApp,Version=v8.0"},
             "libraries":{
               "vulnfixture/1.0.0":{"type":"project","serviceable":false},
               "Newtonsoft.Json/12.0.1":{"type":"package","serviceable":true,"sha512":"sha512-x"},
               "Microsoft.NETCore.App.Ref/8.0.0":{"type":"referenceassembly"}
             }}
            """;
        var result = await AnalyzerRunner.RunAsync(new DepsJsonAnalyzer(), "/opt/app/app.deps.json", json);

        var package = Assert.Single(result.Packages);
        Assert.Equal(("Newtonsoft.Json", "12.0.1", "pkg:nuget/Newtonsoft.Json@12.0.1", "NuGet"), (package.Name, package.Version, package.Purl, package.Ecosystem.ToString()));
    }

    [Fact]
    public async Task PackagesLock_AllFrameworks_NoProjects()
    {
        const string json = """
            {"version":1,"dependencies":{
              "net8.0":{"Serilog":{"type":"Direct","requested":"[3.0.0, )","resolved":"3.0.0"},
                        "System.Text.Json":{"type":"Transitive","resolved":"8.0.0"},
                        "MyLib":{"type":"Project"}},
              "net6.0":{"Serilog":{"type":"Direct","resolved":"3.0.0"}}}}
            """;
        var result = await AnalyzerRunner.RunAsync(new PackagesLockAnalyzer(), "/src/packages.lock.json", json);

        Assert.Equal(["Serilog@3.0.0", "System.Text.Json@8.0.0"], result.Packages.Select(p => $"{p.Name}@{p.Version}"));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("\"just a string\"")]
    public async Task BrokenJson_Throws_InvalidData(string json)
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => AnalyzerRunner.RunAsync(new DepsJsonAnalyzer(), "/a.deps.json", json));
        await Assert.ThrowsAsync<InvalidDataException>(() => AnalyzerRunner.RunAsync(new PackagesLockAnalyzer(), "/packages.lock.json", json));
    }

    [Theory]
    [InlineData("/opt/app/app.deps.json", true)]
    [InlineData("/opt/app/app.runtimeconfig.json", false)]
    [InlineData("/opt/app/deps.json.bak", false)]
    public void DepsIsRequired(string path, bool expected) => Assert.Equal(expected, new DepsJsonAnalyzer().IsRequired(AnalyzerRunner.File(path)));
}
