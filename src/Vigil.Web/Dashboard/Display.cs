using System.Globalization;

namespace Vigil.Web.Dashboard;

/// <summary>How times and ages are written for people.</summary>
internal static class Display
{
    public static string Age(DateTimeOffset then, DateTimeOffset now)
    {
        var age = now - then;
        if (age < TimeSpan.Zero)
        {
            return "just now";
        }

        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
            { TotalDays: < 2 } => $"{(int)age.TotalHours} h ago",
            _ => $"{(int)age.TotalDays} days ago",
        };
    }

    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Short(string digest) => digest.Length > 19 ? digest[..19] + "…" : digest;
}
