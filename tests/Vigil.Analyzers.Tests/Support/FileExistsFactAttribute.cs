namespace Vigil.Analyzers.Tests.Support;

/// <summary>A fact about a real file of this machine (a Go binary from Debian); skipped where the file is absent.</summary>
public sealed class FileExistsFactAttribute : FactAttribute
{
    public FileExistsFactAttribute(string path)
    {
        if (!File.Exists(path))
        {
            Skip = $"{path} is not installed here.";
        }
    }
}
