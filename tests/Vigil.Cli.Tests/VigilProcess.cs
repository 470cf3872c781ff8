using System.Diagnostics;

namespace Vigil.Cli.Tests;

/// <summary>Runs the real <c>vigil</c> binary (built beside the tests) as a child process, as a user or a pipeline would.</summary>
/// <remarks>
/// <c>VIGIL_TEST_EXECUTABLE</c> points the tests at another build of the same CLI, such as the native AOT binary that
/// <c>scripts/publish-native.sh</c> makes and checks with these very tests.
/// </remarks>
internal static class VigilProcess
{
    /// <summary>The executable under test, if not the <c>vigil.dll</c> built beside the tests.</summary>
    public static string? Executable => Environment.GetEnvironmentVariable("VIGIL_TEST_EXECUTABLE") is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <summary>
    /// A start description for <c>vigil ARGS</c>, with no <c>VIGIL_*</c> (or <c>POD_*</c>) settings inherited from the
    /// developer. <paramref name="clusterSide"/> commands always run the JIT build: the native binary leaves them out.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, bool clusterSide = false)
    {
        var executable = clusterSide ? null : Executable;
        var start = new ProcessStartInfo(executable ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (executable is null)
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("VIGIL_", StringComparison.Ordinal) || k.StartsWith("POD_", StringComparison.Ordinal)))
        {
            start.Environment.Remove(key);
        }

        return start;
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null, string? workingDirectory = null, string? stdin = null, bool clusterSide = false)
    {
        var start = StartInfo(args, clusterSide);
        start.RedirectStandardInput = stdin is not null;
        start.WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory;

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
