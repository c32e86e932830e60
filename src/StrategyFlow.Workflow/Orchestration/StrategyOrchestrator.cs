using Microsoft.DurableTask;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Mail;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// A whole strategy, one stage per generation of one instance: the stage runs (<see cref="StageRun"/>),
/// and when it is approved the instance continues as new with the next stage (<see cref="StrategyRun"/>
/// carries what the stages so far left behind), so each generation's history holds one stage. After the
/// fourth approval, a rejection or a cancellation the strategy is archived and everyone is told.
/// </summary>
public sealed class StrategyOrchestrator : TaskOrchestrator<StrategyRun, StrategyOutcome?>
{
    public override async Task<StrategyOutcome?> RunAsync(TaskOrchestrationContext context, StrategyRun input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var inbox = new EventInbox(context);
        var earlier = Views(input.Decisions);
        StageResult result;
        using (var stage = new StageRun(context, input.StageInput, inbox, status => context.SetCustomStatus(
            new StrategyProgress(input.Stage.Number(), status.Phase, earlier)
            {
                Current = status,
                Delivery = status.Delivery,
                IgnoredEvents = input.IgnoredEvents + status.IgnoredEvents,
                Undeliverable = input.Undeliverable.Union(status.Undeliverable, StringComparer.OrdinalIgnoreCase).ToList(),
            })))
        {
            result = await stage.RunAsync();
        }

        var run = input.After(result);
        if (result.Outcome == StageOutcome.Approved && !input.IsLastStage)
        {
            // Events that arrived meanwhile (a cancellation, a late answer) go on to the next generation.
            context.ContinueAsNew(run.Next(), preserveUnprocessedEvents: true);
            return null;
        }

        var outcome = result.Outcome switch
        {
            StageOutcome.Approved => DocumentOutcome.Approved,
            StageOutcome.Rejected => DocumentOutcome.Rejected,
            _ => DocumentOutcome.Cancelled,
        };
        return await FinishAsync(context, inbox, run, outcome, result.Reason);
    }

    private static async Task<StrategyOutcome> FinishAsync(
        TaskOrchestrationContext context, EventInbox inbox, StrategyRun run, DocumentOutcome outcome, string? reason)
    {
        var header = run.Definition.Header;
        var kind = outcome switch
        {
            DocumentOutcome.Approved => MailKind.Completed,
            DocumentOutcome.Rejected => MailKind.Rejected,
            _ => MailKind.Cancelled,
        };
        var announcement = run.Definition.Everyone()
            .Select(p => new MailOrder(MailOrder.Key(header.Id, 0, 0, kind, 0, p.Email), p, kind) { Comment = reason, Role = LinkRole.Reader })
            .ToList();
        var archive = new ArchiveRequest(
            header, outcome, run.Approved, run.Decisions, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero), new MailBatch(header, announcement))
        {
            Reason = reason,
        };
        var decisions = Views(run.Decisions);
        StrategyProgress Progress(StagePhase phase) => new(run.Stage.Number(), phase, decisions)
        {
            IgnoredEvents = run.IgnoredEvents,
            Undeliverable = run.Undeliverable,
        };

        // The archive is the record: it is retried until it is written, whatever else arrives meanwhile.
        using var timers = new CancellationTokenSource();
        var delivery = new DurableDelivery(
            context,
            run.Definition.Delivery,
            inbox,
            status => context.SetCustomStatus(Progress(StagePhase.Archiving) with { Delivery = status }),
            status => new MailBatch(header, [new MailOrder(MailOrder.Key(header.Id, 0, 0, MailKind.DeliveryDelayed, 0, header.Owner.Email), header.Owner, MailKind.DeliveryDelayed) { Pending = [status.What] }]),
            timers.Token);
        var (_, document) = await delivery.CallAsync<ArchiveResult>("archive", nameof(ArchiveStrategy), archive, interruptible: false);

        context.SetCustomStatus(Progress(StagePhase.Done));
        return new StrategyOutcome(outcome, document!, decisions, run.IgnoredEvents, reason) { Undeliverable = run.Undeliverable };
    }

    private static List<DecisionView> Views(IEnumerable<DecisionRecord> decisions) => decisions.Select(DecisionView.Of).ToList();
}
