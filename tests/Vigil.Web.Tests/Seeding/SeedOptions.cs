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

    /// <summary>1,000 workloads and about 100,000 findings after the remediation days (which remove some).</summary>
    public static SeedOptions Benchmark { get; } = new() { Workloads = 1_000, Findings = 107_000 };
}
