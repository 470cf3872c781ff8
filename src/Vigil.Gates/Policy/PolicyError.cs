namespace Vigil.Gates.Policy;

/// <summary>One problem in a policy document, with where it is.</summary>
/// <param name="Line">1-based line, or 0 when the problem is not tied to a place.</param>
/// <param name="Column">1-based column, or 0.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record PolicyError(int Line, int Column, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"line {Line}, column {Column}: {Message}" : Message;
}
