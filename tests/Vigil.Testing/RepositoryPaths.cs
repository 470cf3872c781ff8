namespace Vigil.Testing;

/// <summary>Locates the repository root and the <c>../shared</c> data folder beside it, from a test's working directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding <c>Vigil.slnx</c>).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The <c>shared</c> folder beside the repository, or null when it is not there (the project's own tests never need it).</summary>
    public static string? SharedDirectory
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(Path.Combine(path, "data")) ? path : null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Vigil.slnx not found above {AppContext.BaseDirectory}.");
    }
}
