using System.Diagnostics;

namespace Vigil.Testing.Images;

/// <summary>Runs the image tools tests drive (umoci, skopeo, zstd, htpasswd), failing with their stderr.</summary>
public static class ToolRunner
{
    /// <summary>Runs <paramref name="tool"/> with <paramref name="arguments"/> and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">The tool is missing or exits with a non-zero code.</exception>
    public static async Task<string> RunAsync(string tool, IEnumerable<string> arguments, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
