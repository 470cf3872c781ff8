using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Abstractions;

/// <summary>One file handed to an analyzer.</summary>
/// <param name="File">The file as met in its layer.</param>
/// <param name="Content">
/// Its content: forward-only unless <see cref="Stream.CanSeek"/> says otherwise, valid only during the call, not to be disposed.
/// </param>
public sealed record AnalysisInput(FileEntry File, Stream Content);
