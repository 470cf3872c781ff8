namespace Vigil.Cli.Tests.Registry;

/// <summary>The registry end-to-end tests share one registry and database, and run one after another (2-core machines).</summary>
[CollectionDefinition(Name)]
public sealed class RegistryScanCollection : ICollectionFixture<RegistryScanFixture>
{
    public const string Name = "registry scan";
}
