using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Hosting;

/// <summary>
/// Configuration section <c>StrategyFlow</c> (app settings <c>StrategyFlow__…</c>). The same names are
/// set by infra/main.bicep on Azure and by the local host.
/// </summary>
public sealed class StrategyFlowOptions
{
    public const string SectionName = "StrategyFlow";

    /// <summary>Base URL that links in emails start with, e.g. <c>https://func-abc.azurewebsites.net</c>.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "";

    [Required, ValidateObjectMembers]
    public MailOptions Mail { get; set; } = new();

    [Required, ValidateObjectMembers]
    public LinkOptions Links { get; set; } = new();

    [Required, ValidateObjectMembers]
    public StorageOptions Storage { get; set; } = new();

    [Required, ValidateObjectMembers]
    public DeliveryOptions Delivery { get; set; } = new();

    [Required, ValidateObjectMembers]
    public RetentionOptions Retention { get; set; } = new();
}

/// <summary><c>StrategyFlow:Retention</c>: how long the durable history of an ended strategy is kept (the archive is kept for good).</summary>
public sealed class RetentionOptions
{
    /// <summary>
    /// Time after a strategy ended before its history and status are purged; zero keeps them for ever. The read-only
    /// links (the strategy to read, the owner's progress) read that history, so it is at least their lifetime.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan KeepEndedFor { get; set; } = TimeSpan.FromDays(400);

    /// <summary>How often the local host looks for history to purge (on Azure a timer function runs hourly).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// <c>StrategyFlow:Delivery</c>: how mail and archive steps are retried while SendGrid or storage fails. A
/// strategy keeps the values it started with (they are part of its input), so a change never alters a run.
/// </summary>
public sealed class DeliveryOptions
{
    /// <summary>The wait after the first failed attempt; it doubles after each further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan FirstRetry { get; set; } = DeliveryPolicy.Default.FirstRetry;

    /// <summary>The longest wait between attempts: delivery resumes within this of an outage ending.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan MaxInterval { get; set; } = DeliveryPolicy.Default.MaxInterval;

    /// <summary>After this long failing, the owner is told once (if mail works for them).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan TellOwnerAfter { get; set; } = DeliveryPolicy.Default.TellOwnerAfter;

    public DeliveryPolicy Policy => new(FirstRetry, MaxInterval, TellOwnerAfter);
}

/// <summary><c>StrategyFlow:Mail</c>: SendGrid.</summary>
public sealed class MailOptions
{
    /// <summary>SendGrid API key (Key Vault reference on Azure). Never logged.</summary>
    [Required]
    public string ApiKey { get; set; } = "";

    [Required, EmailAddress]
    public string SenderEmail { get; set; } = "";

    public string SenderName { get; set; } = "StrategyFlow";

    /// <summary>SendGrid's sandbox mode: the API validates the mail and sends nothing.</summary>
    public bool SandboxMode { get; set; }

    /// <summary>Overrides SendGrid's API host; the local host points it at its development mailbox.</summary>
    public string? Host { get; set; }
}

/// <summary><c>StrategyFlow:Links</c>: signing of the personal form links.</summary>
public sealed class LinkOptions
{
    /// <summary>Base64 HMAC key, at least 32 bytes (Key Vault reference on Azure).</summary>
    [Required]
    public string SigningKey { get; set; } = "";

    /// <summary>Base64 keys still accepted after a rotation, comma-separated.</summary>
    public string PreviousSigningKeys { get; set; } = "";

    /// <summary>How long a link stays valid after its email was sent, at least (see <see cref="GracePeriod"/>).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A link never expires before its round's deadline plus this: someone who opens it just after the
    /// deadline is told the round has closed, not that the link is invalid.
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The owner of an expired link is mailed a fresh one at most once per this interval, per round.</summary>
    public TimeSpan FreshLinkInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a read-only link lasts from its email: the reader link to the strategy (outcome mail, an approved
    /// stage) and the owner's progress link. Every mail to the owner carries a new progress link.
    /// </summary>
    public TimeSpan ReadOnlyLifetime { get; set; } = TimeSpan.FromDays(365);
}

/// <summary><c>StrategyFlow:Storage</c>: the archive and the submitted answers (Blob Storage).</summary>
public sealed class StorageOptions
{
    /// <summary>Blob service URI, used with DefaultAzureCredential (Azure).</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>Connection string (local development with Azurite). Takes precedence when set.</summary>
    public string? ConnectionString { get; set; }
}
