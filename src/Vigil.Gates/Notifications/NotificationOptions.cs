namespace Vigil.Gates.Notifications;

/// <summary>Where notifications go and how often. URLs come from environment variables or secret files (see <see cref="Hosting.SecretReader"/>).</summary>
public sealed class NotificationOptions
{
    /// <summary>Slack incoming webhook URL (<c>VIGIL_SLACK_WEBHOOK_URL</c>).</summary>
    public Uri? SlackWebhookUrl { get; set; }

    /// <summary>Microsoft Teams workflow webhook URL (<c>VIGIL_TEAMS_WEBHOOK_URL</c>).</summary>
    public Uri? TeamsWebhookUrl { get; set; }

    /// <summary>Generic webhook receiving CloudEvents (<c>VIGIL_WEBHOOK_URL</c>).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Optional bearer token for the generic webhook (<c>VIGIL_WEBHOOK_TOKEN</c>).</summary>
    public string? WebhookToken { get; set; }

    /// <summary>Collect notifications and send one digest a day instead of one message each.</summary>
    public bool DailyDigest { get; set; }

    /// <summary>Time of day (UTC) the daily digest is sent.</summary>
    public TimeOnly DigestTime { get; set; } = new(8, 0);

    /// <summary>Messages per minute per channel (Slack allows about one per second per webhook).</summary>
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Retries after a 429 or 5xx answer or a network error.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay when the receiver gives no <c>Retry-After</c>; doubled each time.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest <c>Retry-After</c> honoured; longer waits give up on the message.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The SQLite file remembering what was sent (de-duplication) and the pending digest.</summary>
    public string LedgerPath { get; set; } = "vigil-notifications.db";
}
