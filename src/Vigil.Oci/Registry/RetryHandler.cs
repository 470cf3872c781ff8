using System.Net;
using Polly;
using Polly.Retry;

namespace Vigil.Oci.Registry;

/// <summary>
/// Retries registry requests that got 429, a 5xx or a connection error, with exponential backoff and jitter, honouring
/// <c>Retry-After</c> up to <see cref="OciOptions.MaxRetryAfter"/>.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    /// <summary>Set on a request to send it once: a probe whose failure is itself the answer.</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("Vigil.Oci.NoRetry");

    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    public RetryHandler(OciOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxAttempts <= 1)
        {
            pipeline = builder.Build();
            return;
        }

        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException } => true,
                { Result: { } response } => IsTransient(response.StatusCode) && (RetryAfter(response, timeProvider) is not { } wait || wait <= options.MaxRetryAfter),
                _ => false,
            }),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, timeProvider) : null),
            OnRetry = args =>
            {
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        });
        pipeline = builder.Build();
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Options.TryGetValue(NoRetry, out var once) && once
            ? base.SendAsync(request, cancellationToken)
            : pipeline.ExecuteAsync(async (state, ct) => await base.SendAsync(state, ct), request, cancellationToken).AsTask();

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
