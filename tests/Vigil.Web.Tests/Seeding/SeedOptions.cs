namespace Vigil.Web.Tests.Seeding;

/// <summary>How big and when the seeded estate is.</summary>
public sealed record SeedOptions
{
    public int Workloads { get; init; } = 120;

    /// <summary>Total findings stored across all scanned images at the end.</summary>
    public int Findings { get; init; } = 6_000;

    public int Seed { get; init; } = 20261120;

    public int HistoryDays { get; init; } = 30;

    public DateTimeOffset Now { get; init; } = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static SeedOptions Small { get; } = new();

    public static SeedOptions Benchmark { get; } = new() { Workloads = 1_000, Findings = 100_000 };
}
