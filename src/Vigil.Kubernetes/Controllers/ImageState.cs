namespace Vigil.Kubernetes.Controllers;

/// <summary>Where an image is in its life: waiting, being scanned, done, or failed (retried later).</summary>
internal enum ImageStatus
{
    Queued,
    Scanning,
    Done,
    Failed,
}

/// <summary>The controller's state for one image key.</summary>
internal sealed class ImageState(string reference)
{
    public string Reference { get; set; } = reference;

    public ImageStatus Status { get; set; } = ImageStatus.Queued;

    public int Attempts { get; set; }
}
