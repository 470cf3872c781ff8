namespace Vigil.Testing.FakeKube;

/// <summary>The resources served before any CustomResourceDefinition is created.</summary>
internal static class BuiltInResources
{
    public static readonly ResourceType CustomResourceDefinitions =
        new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", Namespaced: false, HasStatus: true);

    public static IReadOnlyList<ResourceType> All { get; } =
    [
        new("", "v1", "namespaces", "Namespace", Namespaced: false, HasStatus: true),
        new("", "v1", "nodes", "Node", Namespaced: false, HasStatus: true),
        new("", "v1", "pods", "Pod", Namespaced: true, HasStatus: true),
        new("", "v1", "secrets", "Secret", Namespaced: true, HasStatus: false),
        new("", "v1", "configmaps", "ConfigMap", Namespaced: true, HasStatus: false),
        new("", "v1", "serviceaccounts", "ServiceAccount", Namespaced: true, HasStatus: false),
        new("", "v1", "events", "Event", Namespaced: true, HasStatus: false),
        new("", "v1", "replicationcontrollers", "ReplicationController", Namespaced: true, HasStatus: true),
        new("apps", "v1", "replicasets", "ReplicaSet", Namespaced: true, HasStatus: true),
        new("apps", "v1", "deployments", "Deployment", Namespaced: true, HasStatus: true),
        new("apps", "v1", "statefulsets", "StatefulSet", Namespaced: true, HasStatus: true),
        new("apps", "v1", "daemonsets", "DaemonSet", Namespaced: true, HasStatus: true),
        new("batch", "v1", "jobs", "Job", Namespaced: true, HasStatus: true),
        new("batch", "v1", "cronjobs", "CronJob", Namespaced: true, HasStatus: true),
        new("events.k8s.io", "v1", "events", "Event", Namespaced: true, HasStatus: false),
        new("coordination.k8s.io", "v1", "leases", "Lease", Namespaced: true, HasStatus: false),
        CustomResourceDefinitions,
    ];
}
