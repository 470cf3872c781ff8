using Vigil.Analyzers.Abstractions;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Cargo;

/// <summary>Lists the crates pinned by <c>Cargo.lock</c> files.</summary>
public sealed class CargoLockAnalyzer : IPackageAnalyzer
{
    private const long MaxSize = 32 * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.CargoLock;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.FileName == "Cargo.lock";
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = await TextReading.ReadAllTextAsync(input.Content, MaxSize, cancellationToken);
        return AnalysisResult.Of(CargoLockParser.Parse(text).Select(c => CargoPackages.Create(c.Name, c.Version)).ToList());
    }
}
