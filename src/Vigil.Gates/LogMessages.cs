using Microsoft.Extensions.Logging;

namespace Vigil.Gates;

/// <summary>Every log message of the gates, source-generated. Request bodies and secrets are never arguments.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(1001, LogLevel.Information, "Inline scan of {Repository}@{Digest} started")]
    public static partial void InlineScanStarted(this ILogger logger, string repository, string digest);

    [LoggerMessage(1002, LogLevel.Information, "Inline scan of {Repository}@{Digest} finished with {FindingCount} findings")]
    public static partial void InlineScanFinished(this ILogger logger, string repository, string digest, int findingCount);

    [LoggerMessage(1003, LogLevel.Warning, "Scan of {Repository}@{Digest} failed")]
    public static partial void InlineScanFailed(this ILogger logger, Exception exception, string repository, string digest);

    [LoggerMessage(1004, LogLevel.Warning, "Digest of {Repository} could not be resolved ({ErrorType})")]
    public static partial void DigestResolutionFailed(this ILogger logger, string repository, string errorType);

    [LoggerMessage(1101, LogLevel.Warning, "Rejected admission request: {Reason} ({Length} bytes)")]
    public static partial void AdmissionRequestRejected(this ILogger logger, string reason, long length);

    [LoggerMessage(1102, LogLevel.Information, "Admission {Operation} {Kind} {Namespace}/{Name} uid {Uid}: {Decision} in {ElapsedMs} ms")]
    public static partial void AdmissionDecided(this ILogger logger, string operation, string kind, string? @namespace, string? name, string uid, string decision, long elapsedMs);

    [LoggerMessage(1103, LogLevel.Information, "Serving certificate loaded from {CertificatePath}, subject {Subject}, expires {NotAfter}")]
    public static partial void CertificateLoaded(this ILogger logger, string certificatePath, string subject, DateTime notAfter);

    [LoggerMessage(1104, LogLevel.Error, "Serving certificate could not be reloaded from {CertificatePath}; keeping the previous one")]
    public static partial void CertificateReloadFailed(this ILogger logger, Exception exception, string certificatePath);

    [LoggerMessage(1201, LogLevel.Warning, "Rejected registry webhook from {Remote}: {Reason} ({Length} bytes)")]
    public static partial void RegistryWebhookRejected(this ILogger logger, string? remote, string reason, long length);

    [LoggerMessage(1202, LogLevel.Information, "Queued {Source} push of {Image} (tag {Tag})")]
    public static partial void PushQueued(this ILogger logger, string source, string image, string? tag);

    [LoggerMessage(1203, LogLevel.Debug, "Ignored duplicate push event {Key}")]
    public static partial void PushDuplicate(this ILogger logger, string key);

    [LoggerMessage(1204, LogLevel.Debug, "Ignored push to release repository {Image}")]
    public static partial void PushSkippedRelease(this ILogger logger, string image);

    [LoggerMessage(1205, LogLevel.Information, "Scanning pushed image {Image}")]
    public static partial void PushScanStarted(this ILogger logger, string image);

    [LoggerMessage(1206, LogLevel.Information, "Push of {Image}: {Outcome}")]
    public static partial void PushCompleted(this ILogger logger, string image, string outcome);

    [LoggerMessage(1207, LogLevel.Warning, "Processing the push of {Image} failed (attempt {Attempt})")]
    public static partial void PushAttemptFailed(this ILogger logger, Exception exception, string image, int attempt);

    [LoggerMessage(1208, LogLevel.Information, "Took over {Count} push events left unfinished by a previous run")]
    public static partial void QueueRecovered(this ILogger logger, int count);

    [LoggerMessage(1209, LogLevel.Error, "Push queue error; retrying")]
    public static partial void QueueError(this ILogger logger, Exception exception);

    [LoggerMessage(1301, LogLevel.Information, "Sent {Count} notification(s) to {Channel} {Url}")]
    public static partial void NotificationSent(this ILogger logger, string channel, string url, int count);

    [LoggerMessage(1302, LogLevel.Warning, "Notification to {Channel} {Url} not delivered: {Reason}")]
    public static partial void NotificationDropped(this ILogger logger, string channel, string url, string reason);

    [LoggerMessage(1401, LogLevel.Warning, "Workload action {Action} on {Workload} (dry run {DryRun}): {Message}")]
    public static partial void WorkloadActionTaken(this ILogger logger, string workload, string action, bool dryRun, string message);

    [LoggerMessage(1402, LogLevel.Warning, "Workload action {Action} on {Workload} refused: {Message}")]
    public static partial void WorkloadActionRefused(this ILogger logger, string workload, string action, string message);

    [LoggerMessage(1501, LogLevel.Information, "Policy {Source} loaded: mode {Mode}, maxSeverity {MaxSeverity}, unknownImage {UnknownImage}")]
    public static partial void PolicyLoaded(this ILogger logger, string source, string mode, string maxSeverity, string unknownImage);

    [LoggerMessage(1502, LogLevel.Error, "Policy {Source} is invalid and was not applied (the previous policy stays in force): {Errors}")]
    public static partial void PolicyInvalid(this ILogger logger, string source, string errors);

    [LoggerMessage(1503, LogLevel.Warning, "Policy {Source} was deleted; the fallback policy is in force")]
    public static partial void PolicyDeleted(this ILogger logger, string source);

    [LoggerMessage(1504, LogLevel.Warning, "Watching policies failed ({Error}); retrying in {Delay}")]
    public static partial void PolicyWatchFailed(this ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(1506, LogLevel.Debug, "Watching policies still fails ({Error}); retrying in {Delay}")]
    public static partial void PolicyWatchStillFailing(this ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(1505, LogLevel.Information, "Policy watch ended ({Reason}); resuming from resource version {ResourceVersion}")]
    public static partial void PolicyWatchResumed(this ILogger logger, string reason, string resourceVersion);

    [LoggerMessage(1601, LogLevel.Warning, "Finding source {Source} failed for {Digest}; trying the next one")]
    public static partial void FindingSourceFailed(this ILogger logger, Exception exception, string source, string digest);

    [LoggerMessage(1701, LogLevel.Warning, "Policy action on {Workload} failed")]
    public static partial void PolicyActionFailed(this ILogger logger, Exception exception, string workload);
}
