using Vigil.Analyzers.RubyGems;
using Vigil.Analyzers.Tests.Support;

namespace Vigil.Analyzers.Tests.RubyGems;

public sealed class RubyGemsAnalyzerTests
{
    [Fact]
    public async Task Gemspec()
    {
        const string spec = """
            # -*- encoding: utf-8 -*-
            # stub: rake 13.0.6 ruby lib

            Gem::Specification.new do |s|
              s.name = "rake".freeze
              s.version = "13.0.6"
              s.licenses = ["MIT".freeze]
              s.add_runtime_dependency(%q<other>.freeze, [">= 1.0"])
            end
            """;
        var result = await AnalyzerRunner.RunAsync(new GemspecAnalyzer(), "/usr/local/bundle/specifications/rake-13.0.6.gemspec", spec);

        var package = Assert.Single(result.Packages);
        Assert.Equal(("rake", "13.0.6", "pkg:gem/rake@13.0.6", "RubyGems"), (package.Name, package.Version, package.Purl, package.Ecosystem.ToString()));
        Assert.Equal(["MIT"], package.Licenses);
    }

    [Fact]
    public async Task Gemspec_Unreadable_Warns()
    {
        var result = await AnalyzerRunner.RunAsync(new GemspecAnalyzer(), "/gems/specifications/x.gemspec", "puts 'hello'");

        Assert.Empty(result.Packages);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public async Task GemfileLock_SpecsOnly_PlatformStripped()
    {
        const string lockfile = """
            GIT
              remote: https://example.com/x.git
              specs:
                fromgit (0.1.0)

            GEM
              remote: https://rubygems.org/
              specs:
                actionpack (7.0.4)
                  rack (~> 2.0, >= 2.2.0)
                nokogiri (1.15.5-x86_64-linux)
                  racc (~> 1.4)
                rack (2.2.4)

            PLATFORMS
              x86_64-linux

            DEPENDENCIES
              actionpack (= 7.0.4)
            """;
        var result = await AnalyzerRunner.RunAsync(new GemfileLockAnalyzer(), "/app/Gemfile.lock", lockfile);

        Assert.Equal(["actionpack@7.0.4", "nokogiri@1.15.5", "rack@2.2.4"], result.Packages.Select(p => $"{p.Name}@{p.Version}"));
    }

    [Theory]
    [InlineData("/usr/local/bundle/specifications/rake-13.0.6.gemspec", true)]
    [InlineData("/src/rake.gemspec", false)]
    public void GemspecIsRequired(string path, bool expected) => Assert.Equal(expected, new GemspecAnalyzer().IsRequired(AnalyzerRunner.File(path)));
}
