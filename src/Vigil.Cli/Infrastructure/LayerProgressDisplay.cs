using Spectre.Console;
using Vigil.Oci.Layers;

namespace Vigil.Cli.Infrastructure;

/// <summary>
/// Progress bars for layer reads on stderr, shown only when stderr is a terminal and <c>--quiet</c> is off, so pipelines
/// and log files never see control sequences.
/// </summary>
public static class LayerProgressDisplay
{
    /// <summary>Whether progress should be drawn.</summary>
    public static bool ShouldShow(bool quiet) => !quiet && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;

    /// <summary>Runs <paramref name="work"/> with bars per layer when <paramref name="show"/> is true, else plainly.</summary>
    public static async Task<T> RunAsync<T>(bool show, string title, Func<IProgress<LayerProgress>?, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!show)
        {
            return await work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<int, ProgressTask>();
                var progress = new Progress<LayerProgress>(p =>
                {
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(p.LayerIndex, out var task))
                        {
                            var name = p.LayerDigest is { } digest ? digest.Short : $"layer {p.LayerIndex}";
                            task = context.AddTask($"{title} {name}", maxValue: Math.Max(1, p.TotalBytes ?? 1));
                            tasks[p.LayerIndex] = task;
                        }

                        if (p.TotalBytes is { } total)
                        {
                            task.MaxValue = Math.Max(1, total);
                        }

                        task.Value = p.Completed ? task.MaxValue : p.BytesRead;
                    }
                });
                return await work(progress);
            });
    }
}
