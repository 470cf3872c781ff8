namespace Vigil.Web.Api;

/// <summary>An API error: what was wrong with the request.</summary>
/// <param name="Error">The reason, for people.</param>
public sealed record ApiProblem(string Error);
