using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Configuration;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Storage;

namespace StrategyFlow.Workflow.Http;

/// <summary>
/// Mails the owner of an authentic but expired link a fresh one, through the sender every other mail goes
/// through. The address is always the one the workflow holds for the participant, never one from the request.
/// At most one mail per participant and round per <see cref="LinkOptions.FreshLinkInterval"/>, counted in
/// storage: the limit survives restarts and holds across hosts.
/// </summary>
public sealed partial class FreshLinks(
    MailSender mail, StrategyRepository repository, IOptions<StrategyFlowOptions> options, TimeProvider time, ILogger<FreshLinks> logger)
{
    /// <summary>Sends the link unless one was sent within the interval; the caller answers the same either way.</summary>
    public Task SendAsync(StageInput input, Person owner, LinkRole role, int round, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return SendAsync(input.Strategy, owner, role, input.Stage, round, deadline, cancellationToken);
    }

    /// <summary>
    /// The same for any link: a read-only link to the whole strategy has round 0 and the stage its expired link named.
    /// </summary>
    public async Task SendAsync(StrategyHeader strategy, Person owner, LinkRole role, StageKey stage, int round, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(owner);
        var slot = await repository.TakeFreshLinkSlotAsync(
            strategy.Id, stage, round, role, owner.Email, time.GetUtcNow(), options.Value.Links.FreshLinkInterval, cancellationToken);
        if (slot is not { } sequence)
        {
            LogLimited(logger, strategy.Id);
            return;
        }

        var key = MailOrder.Key(strategy.Id, stage.Number(), round, MailKind.FreshLink, sequence, owner.Email);
        var order = new MailOrder(key, owner, MailKind.FreshLink) { Stage = stage, Round = round, Role = role, Deadline = deadline };
        var result = await mail.SendAsync(new MailBatch(strategy, [order]), cancellationToken);
        if (result.Sent > 0)
        {
            LogSent(logger, strategy.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A fresh link was mailed to its owner for strategy {StrategyId}.")]
    private static partial void LogSent(ILogger logger, string strategyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A fresh link for strategy {StrategyId} was asked for again within the interval; nothing was sent.")]
    private static partial void LogLimited(ILogger logger, string strategyId);
}
