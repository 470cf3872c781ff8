namespace Vigil.Gates.Policy;

/// <summary>Which <c>VigilPolicy</c> object a gate follows, and how it reconnects.</summary>
public sealed class KubernetesPolicySourceOptions
{
    /// <summary>The name of the (cluster-scoped) VigilPolicy to apply. Default <c>default</c>.</summary>
    public string Name { get; set; } = "default";

    /// <summary>How long one watch request lasts before it is renewed (the server ends it). Default 5 minutes.</summary>
    public TimeSpan WatchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Pause before listing again after an error; it doubles with each failure in a row. Default 2 s.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest pause between attempts while listing keeps failing (a CRD not yet installed). Default 5 minutes.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(5);
}
