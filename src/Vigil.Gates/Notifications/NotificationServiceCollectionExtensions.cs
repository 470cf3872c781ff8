using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Gates.Hosting;

namespace Vigil.Gates.Notifications;

/// <summary>Registers notification channels from secrets in the environment.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>The HTTP client name used for notifications.</summary>
    public const string HttpClientName = "vigil-notify";

    /// <summary>
    /// Reads channel URLs from <c>VIGIL_SLACK_WEBHOOK_URL</c>, <c>VIGIL_TEAMS_WEBHOOK_URL</c>, <c>VIGIL_WEBHOOK_URL</c>
    /// (and <c>VIGIL_WEBHOOK_TOKEN</c>), each also from a file named by the same variable with <c>_FILE</c>.
    /// </summary>
    public static NotificationOptions FromEnvironment(NotificationOptions options, Func<string, string?>? getEnvironmentVariable = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SlackWebhookUrl ??= Url(SecretReader.Read("VIGIL_SLACK_WEBHOOK_URL", getEnvironmentVariable), "VIGIL_SLACK_WEBHOOK_URL");
        options.TeamsWebhookUrl ??= Url(SecretReader.Read("VIGIL_TEAMS_WEBHOOK_URL", getEnvironmentVariable), "VIGIL_TEAMS_WEBHOOK_URL");
        options.WebhookUrl ??= Url(SecretReader.Read("VIGIL_WEBHOOK_URL", getEnvironmentVariable), "VIGIL_WEBHOOK_URL");
        options.WebhookToken ??= SecretReader.Read("VIGIL_WEBHOOK_TOKEN", getEnvironmentVariable);
        return options;
    }

    /// <summary>Adds the publisher over <paramref name="ledger"/> with a channel for every configured URL.</summary>
    public static IServiceCollection AddVigilNotifications(this IServiceCollection services, NotificationOptions options, NotificationLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(ledger);
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(sp => new NotificationSender(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<NotificationOptions>>(),
            sp.GetRequiredService<ILogger<NotificationSender>>()));
        if (options.SlackWebhookUrl is { } slack)
        {
            services.AddSingleton<INotificationChannel>(new SlackChannel(slack));
        }

        if (options.TeamsWebhookUrl is { } teams)
        {
            services.AddSingleton<INotificationChannel>(new TeamsChannel(teams));
        }

        if (options.WebhookUrl is { } webhook)
        {
            services.AddSingleton<INotificationChannel>(new CloudEventsChannel(webhook, options.WebhookToken));
        }

        services.AddSingleton<NotificationPublisher>();
        services.AddSingleton<INotificationPublisher>(sp => sp.GetRequiredService<NotificationPublisher>());
        services.AddHostedService<DailyDigestService>();
        return services;
    }

    private static Uri? Url(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        // The value is a secret: the error names the variable, never the value.
        return Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
            ? url
            : throw new ArgumentException($"{name} is not an http(s) URL.");
    }
}
