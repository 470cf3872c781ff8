namespace Vigil.Scanning.Results;

/// <summary>The results store: what runs where, the findings of each image digest, history and suppressions.</summary>
public interface IResultStore : IResultWriter, IResultReader
{
}
