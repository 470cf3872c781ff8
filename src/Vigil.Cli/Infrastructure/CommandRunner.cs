using Vigil.Oci;

namespace Vigil.Cli.Infrastructure;

/// <summary>
/// Runs a command body with the CLI's error contract: a timeout gives exit code 4, Ctrl+C 130, an expected failure
/// (bad input, unreachable registry, missing file) one clear line on stderr and exit code 3 — never a stack trace.
/// </summary>
public static class CommandRunner
{
    /// <summary>Runs <paramref name="body"/> with an optional time limit.</summary>
    public static async Task<int> RunAsync(TimeSpan? timeout, Func<CancellationToken, Task<int>> body, TextWriter? error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        error ??= Console.Error;
        using var timeoutSource = timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            return await body(linked.Token);
        }
        catch (CommandTimeoutException exception)
        {
            await error.WriteLineAsync($"vigil: error: {exception.Message}");
            return ExitCodes.Timeout;
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"vigil: error: timed out after {timeout}.");
            return ExitCodes.Timeout;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("vigil: cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception) when (IsExpected(exception))
        {
            await error.WriteLineAsync($"vigil: error: {Describe(exception)}");
            return ExitCodes.Error;
        }
    }

    /// <summary>Failures that are about the input or the environment, not bugs: reported as one line.</summary>
    public static bool IsExpected(Exception exception) => exception is
        ImageReadException or CommandException or FormatException or IOException or UnauthorizedAccessException
        or HttpRequestException or InvalidDataException or System.Text.Json.JsonException or TimeoutException
        || exception.GetType().Namespace?.StartsWith("Vigil.", StringComparison.Ordinal) == true;

    private static string Describe(Exception exception) => exception switch
    {
        HttpRequestException http when http.InnerException is System.Net.Sockets.SocketException socket =>
            $"{http.Message} ({socket.SocketErrorCode})",
        _ => exception.Message,
    };
}
