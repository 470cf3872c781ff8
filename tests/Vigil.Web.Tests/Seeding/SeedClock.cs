namespace Vigil.Web.Tests.Seeding;

/// <summary>A clock the seeder moves through the history it writes.</summary>
public sealed class SeedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
