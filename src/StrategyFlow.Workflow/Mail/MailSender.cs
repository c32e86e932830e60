using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Configuration;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Storage;

namespace StrategyFlow.Workflow.Mail;

/// <summary>
/// Sends a batch of emails through SendGrid, for every activity that sends mail. Idempotent: a ledger
/// entry per message key is written after each accepted send, and a retry skips what already went out
/// (one listing per batch tells what did). Only a 400 about the recipient's address rejects that
/// recipient; anything else that is not accepted (429, 5xx, a revoked key's 401/403, any other 4xx)
/// fails the batch, and the workflow retries it durably and shows the delay to ops.
/// </summary>
public sealed partial class MailSender(
    ISendGridClient sendGrid,
    StrategyRepository repository,
    LinkTokens tokens,
    IOptions<StrategyFlowOptions> options,
    TimeProvider time,
    ILogger<MailSender> logger)
{
    private const int AttemptsPerMessage = 2;

    /// <summary>Longer waits are the workflow's job: its durable retry survives restarts and is shown to ops.</summary>
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(2);

    public async Task<MailBatchResult> SendAsync(MailBatch input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var strategyId = input.Strategy.Id;
        int sent = 0, alreadySent = 0;
        var rejected = new List<string>();
        if (input.Orders.Count == 0)
        {
            return new MailBatchResult(sent, alreadySent, rejected);
        }

        var ledger = await repository.SentMailAsync(strategyId, input.Orders.Select(o => o.MessageKey), cancellationToken);
        foreach (var order in input.Orders)
        {
            if (ledger.Contains(order.MessageKey))
            {
                alreadySent++;
                continue;
            }

            if (await SendAsync(Compose(input, order), cancellationToken))
            {
                await repository.MarkMailSentAsync(strategyId, order.MessageKey, cancellationToken);
                sent++;
            }
            else
            {
                LogRejected(logger, order.Kind, strategyId);
                rejected.Add(order.To.Email);
            }
        }

        return new MailBatchResult(sent, alreadySent, rejected);
    }

    private SendGridMessage Compose(MailBatch batch, MailOrder order)
    {
        var settings = options.Value;
        var header = batch.Strategy;
        var content = MailTemplates.Render(new MailModel
        {
            Kind = order.Kind,
            Language = header.Language,
            Organization = header.Organization,
            StrategyTitle = header.Title,
            Stage = order.Stage,
            Round = order.Round,
            RecipientName = order.To.Name,
            Link = Link(header, order),
            Role = order.Role,
            ProgressLink = IsOwner(header, order.To) && order.Role != LinkRole.Owner ? ReadOnlyLink(header, order.To.Email, LinkRole.Owner, order.Stage) : null,
            Deadline = order.Deadline,
            Comment = order.Comment,
            Pending = order.Pending,
            RemindersSent = order.RemindersSent,
        });

        var message = MailHelper.CreateSingleEmail(
            new EmailAddress(settings.Mail.SenderEmail, settings.Mail.SenderName),
            new EmailAddress(order.To.Email, order.To.Name),
            content.Subject,
            content.PlainText,
            content.Html);
        message.AddCustomArgs(new Dictionary<string, string>
        {
            ["strategy"] = header.Id,
            ["stage"] = order.Stage?.Slug() ?? "",
            ["round"] = order.Round.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["kind"] = order.Kind.ToString(),
            ["messageKey"] = order.MessageKey,
        });
        message.AddCategories(["strategyflow", order.Kind.ToString()]);

        // Said explicitly, whatever the account's defaults: click tracking would send personal links through
        // SendGrid's redirector and keep them in its click logs; open tracking adds a tracking pixel.
        message.SetClickTracking(enable: false, enableText: false);
        message.SetOpenTracking(enable: false);
        if (settings.Mail.SandboxMode)
        {
            message.SetSandBoxMode(true);
        }

        return message;
    }

    /// <summary>
    /// A fresh personal link per email (reminders and repeated requests included): valid for the configured
    /// lifetime from now, and never less than until the round's deadline plus the grace period.
    /// </summary>
    private string? Link(StrategyHeader strategy, MailOrder order)
    {
        if (order.Role is { } readOnly && LinkTokens.IsAboutTheStrategy(readOnly))
        {
            return ReadOnlyLink(strategy, order.To.Email, readOnly, order.Stage);
        }

        if (order.Role is not { } role || order.Stage is not { } stage)
        {
            return null;
        }

        var settings = options.Value;
        var now = time.GetUtcNow();
        var expires = Max(now + settings.Links.Lifetime, (order.Deadline ?? now) + settings.Links.GracePeriod);
        var token = tokens.Create(new LinkClaims(strategy.Id, strategy.Run ?? "", stage, order.Round, order.To.Email, role, expires));
        return Routes.FormUrl(settings.PublicBaseUrl, token);
    }

    /// <summary>
    /// A read-only link to the whole strategy, valid for <see cref="LinkOptions.ReadOnlyLifetime"/>. A reader link about a
    /// stage opens at that stage's section.
    /// </summary>
    public string ReadOnlyLink(StrategyHeader strategy, string recipient, LinkRole role, StageKey? stage = null)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var settings = options.Value;
        var token = tokens.Create(new LinkClaims(
            strategy.Id, strategy.Run ?? "", stage ?? StageKey.Goals, 0, recipient, role, time.GetUtcNow() + settings.Links.ReadOnlyLifetime));
        var section = role == LinkRole.Reader && stage is { } about ? $"stage-{about.Number()}" : null;
        return Routes.FormUrl(settings.PublicBaseUrl, token, section);
    }

    private static bool IsOwner(StrategyHeader strategy, Core.Answers.Person person) => string.Equals(strategy.Owner.Email, person.Email, StringComparison.OrdinalIgnoreCase);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>True when SendGrid accepted the message, false when it refused the recipient's address; throws otherwise.</summary>
    private async Task<bool> SendAsync(SendGridMessage message, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await sendGrid.SendEmailAsync(message, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            var status = response.StatusCode;
            if (status == HttpStatusCode.BadRequest && await SendGridErrors.AllAboutRecipientsAsync(response.Body, cancellationToken))
            {
                return false;
            }

            var transient = status == HttpStatusCode.TooManyRequests || (int)status >= 500;
            if (!transient || attempt == AttemptsPerMessage)
            {
                // The ledger keeps what was sent; the workflow's durable retry takes over from here.
                throw new HttpRequestException(SendGridErrors.Describe(status), null, status);
            }

            await Task.Delay(RetryAfter(response, attempt), time, cancellationToken);
        }
    }

    private static TimeSpan RetryAfter(Response response, int attempt)
    {
        var retryAfter = response.Headers?.RetryAfter;
        var wait = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(attempt));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestRetryAfter ? LongestRetryAfter : wait;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid refused the recipient's address of a {Kind} email for strategy {StrategyId}.")]
    private static partial void LogRejected(ILogger logger, MailKind kind, string strategyId);
}
