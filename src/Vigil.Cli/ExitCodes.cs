namespace Vigil.Cli;

/// <summary>The process exit codes of <c>vigil</c>, documented in README.md.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked; for a gate, nothing blocking was found.</summary>
    public const int Success = 0;

    /// <summary>Default exit code of <c>vigil scan --exit-code</c> when findings remain after filters.</summary>
    public const int FindingsDefault = 1;

    /// <summary>The command line was wrong: unknown option, bad value.</summary>
    public const int UsageError = 2;

    /// <summary>The command failed: registry unreachable, image or file not found, database empty or unreadable.</summary>
    public const int Error = 3;

    /// <summary>The command did not finish within <c>--timeout</c>.</summary>
    public const int Timeout = 4;

    /// <summary>Interrupted by the user (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
