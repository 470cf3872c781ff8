namespace Vigil.Analyzers.Tests.Integration;

/// <summary>
/// A fact that needs a debootstrap'd Debian root file system: runs where one is cached, or where debootstrap (or the
/// fixture script's cached tarball) can make one; skipped elsewhere.
/// </summary>
public sealed class DebianRootFsFactAttribute : FactAttribute
{
    public DebianRootFsFactAttribute()
    {
        var canBuild = File.Exists("/usr/sbin/debootstrap") || File.Exists(DebianRootFs.FixtureTarball);
        if (!Directory.Exists(DebianRootFs.Directory) && !canBuild)
        {
            Skip = "No cached Debian root file system and no debootstrap to make one.";
        }
        else if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Skip = "Making a Debian root file system needs root on Linux.";
        }
    }
}
