using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Vigil.Gates.Notifications;

/// <summary>
/// Posts channel payloads: rate-limited per channel (token bucket), retried on 429, 5xx and network errors with
/// exponential back-off or the receiver's <c>Retry-After</c>. URLs appear in logs only redacted.
/// </summary>
public sealed class NotificationSender : IDisposable
{
    private readonly HttpClient httpClient;
    private readonly NotificationOptions options;
    private readonly ILogger<NotificationSender> logger;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly ConcurrentDictionary<string, RateLimiter> limiters = new(StringComparer.Ordinal);

    /// <summary>Creates the sender.</summary>
    public NotificationSender(HttpClient httpClient, IOptions<NotificationOptions> options, ILogger<NotificationSender> logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.httpClient = httpClient;
        this.options = options.Value;
        this.logger = logger;
        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(0, this.options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            Delay = this.options.RetryBaseDelay,
            UseJitter = false,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            OnRetry = args =>
            {
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        };
        if (this.options.MaxRetries > 0)
        {
            pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider ?? TimeProvider.System }.AddRetry(retry).Build();
        }
        else
        {
            pipeline = ResiliencePipeline<HttpResponseMessage>.Empty;
        }
    }

    /// <summary>Sends to one channel; true when the receiver accepted it. Never throws for HTTP failures.</summary>
    public async Task<bool> SendAsync(INotificationChannel channel, IReadOnlyList<GateNotification> notifications, bool digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var limiter = limiters.GetOrAdd(channel.Name, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.MessagesPerMinute),
            TokensPerPeriod = Math.Max(1, options.MessagesPerMinute),
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 10_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            logger.NotificationDropped(channel.Name, UrlRedactor.Redact(channel.Url), "rate limit queue full");
            return false;
        }

        try
        {
            using var response = await pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, channel.Url) { Content = channel.CreateContent(notifications, digest) };
                channel.AddHeaders(request.Headers);
                return await httpClient.SendAsync(request, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                logger.NotificationSent(channel.Name, UrlRedactor.Redact(channel.Url), notifications.Count);
                return true;
            }

            logger.NotificationDropped(channel.Name, UrlRedactor.Redact(channel.Url), $"HTTP {(int)response.StatusCode}");
            return false;
        }
        catch (HttpRequestException e)
        {
            // The exception message can contain the URL; log its type only.
            logger.NotificationDropped(channel.Name, UrlRedactor.Redact(channel.Url), e.GetType().Name);
            return false;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null)
        {
            return null; // Polly's exponential back-off
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.MaxRetryAfter ? options.MaxRetryAfter : wait;
    }
}
