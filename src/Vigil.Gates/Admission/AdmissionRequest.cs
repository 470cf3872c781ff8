namespace Vigil.Gates.Admission;

/// <summary>The parts of an <c>AdmissionReview</c> request the gate decides on.</summary>
/// <param name="ApiVersion">The review's apiVersion, echoed in the response (<c>admission.k8s.io/v1</c>).</param>
/// <param name="Uid">The request uid, echoed in the response.</param>
/// <param name="Kind">The object kind (<c>Pod</c>, <c>Deployment</c>…).</param>
/// <param name="Operation"><c>CREATE</c>, <c>UPDATE</c>, <c>DELETE</c> or <c>CONNECT</c>.</param>
public sealed record AdmissionRequest(string ApiVersion, string Uid, string Kind, string Operation)
{
    /// <summary>The namespace of the object.</summary>
    public string? Namespace { get; init; }

    /// <summary>The object name (may be empty for generated names).</summary>
    public string? Name { get; init; }

    /// <summary>The object's labels merged with its pod template's labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Every container image of the pod spec; empty when the kind carries none.</summary>
    public IReadOnlyList<ContainerImage> Images { get; init; } = [];

    /// <summary>Whether the kind carries a pod spec the gate understands.</summary>
    public bool HasPodSpec { get; init; }
}
