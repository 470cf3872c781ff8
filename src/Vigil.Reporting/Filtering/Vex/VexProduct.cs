namespace Vigil.Reporting.Filtering.Vex;

/// <summary>A product a VEX statement speaks about, with the subcomponents it narrows the statement to.</summary>
/// <param name="Ids">The product's identifiers: its <c>@id</c> and any <c>identifiers.purl</c> (purls, image references).</param>
/// <param name="Subcomponents">Identifiers of the subcomponents (usually package purls); empty means the whole product.</param>
public sealed record VexProduct(IReadOnlyList<string> Ids, IReadOnlyList<string> Subcomponents);
