namespace Vigil.Testing.FakeKube;

/// <summary>Settings of a <see cref="FakeKubeApiServer"/>.</summary>
public sealed class FakeKubeApiServerOptions
{
    /// <summary>How many events watches can replay from; older resource versions get 410 Gone. Default 1,000.</summary>
    public int HistoryCapacity { get; set; } = 1000;

    /// <summary>How often watches that allow bookmarks receive one. Default 1 second; <see cref="TimeSpan.Zero"/> turns them off.</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock for timestamps. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
