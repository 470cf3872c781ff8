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
}
