using Microsoft.DurableTask;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// A whole strategy: the four stages in order, each a sub-orchestration with a fixed child id, then
/// the archive and the outcome emails. A rejected or cancelled strategy is archived as a record too.
/// </summary>
public sealed class StrategyOrchestrator : TaskOrchestrator<StrategyDefinition, StrategyOutcome>
{
    public override async Task<StrategyOutcome> RunAsync(TaskOrchestrationContext context, StrategyDefinition input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var header = input.Header;
        var decisions = new List<DecisionRecord>();
        var approved = new List<StageKey>();
        var ignored = 0;
        var undeliverable = new List<string>();
        var strategyContext = new StrategyContext { BusinessGoals = header.BusinessGoals };
        var inbox = new EventInbox(context);

        foreach (var stage in StageKeys.InOrder)
        {
            context.SetCustomStatus(new StrategyProgress(stage.Number(), StagePhase.CollectingInput, Views(decisions))
            {
                IgnoredEvents = ignored,
                Undeliverable = undeliverable.ToList(),
            });
            var childId = InstanceIds.Stage(header.Id, stage);
            var child = context.CallSubOrchestratorAsync<StageResult>(
                nameof(StageOrchestrator),
                new StageInput(header, input.Plan(stage), input.Timing, strategyContext) { Delivery = input.Delivery },
                new SubOrchestrationOptions { InstanceId = childId });

            if (await Task.WhenAny(child, inbox.Cancel()) != child)
            {
                // The stage is listening for the same event: forward it and let the stage end cleanly.
                context.SendEvent(childId, WorkflowEvents.CancelRequested, inbox.Cancel().Result);
            }

            var result = await child;
            decisions.AddRange(result.Decisions);
            ignored += result.IgnoredEvents;
            undeliverable.AddRange(result.Undeliverable.Except(undeliverable, StringComparer.OrdinalIgnoreCase));

            if (result.Outcome != StageOutcome.Approved)
            {
                var outcome = result.Outcome == StageOutcome.Rejected ? DocumentOutcome.Rejected : DocumentOutcome.Cancelled;
                return await FinishAsync(context, inbox, input, new Ending(stage.Number(), outcome, approved, decisions, ignored, undeliverable, result.Reason));
            }

            approved.Add(stage); // the stage told the owner when it approved
            strategyContext = result.Approved!.NextContext!;
        }

        return await FinishAsync(context, inbox, input, new Ending(StageKeys.InOrder.Count, DocumentOutcome.Approved, approved, decisions, ignored, undeliverable, null));
    }

    /// <summary>How the stages ended (in which stage), and what they recorded on the way.</summary>
    private sealed record Ending(
        int Stage,
        DocumentOutcome Outcome,
        IReadOnlyList<StageKey> Approved,
        List<DecisionRecord> Decisions,
        int IgnoredEvents,
        IReadOnlyList<string> Undeliverable,
        string? Reason);

    private static async Task<StrategyOutcome> FinishAsync(TaskOrchestrationContext context, EventInbox inbox, StrategyDefinition input, Ending ending)
    {
        var (endedIn, outcome, approved, decisions, ignored, undeliverable, reason) = ending;
        var header = input.Header;
        var kind = outcome switch
        {
            DocumentOutcome.Approved => MailKind.Completed,
            DocumentOutcome.Rejected => MailKind.Rejected,
            _ => MailKind.Cancelled,
        };
        var announcement = input.Everyone()
            .Select(p => new MailOrder(MailOrder.Key(header.Id, 0, 0, kind, 0, p.Email), p, kind) { Comment = reason, Role = LinkRole.Reader })
            .ToList();
        var archive = new ArchiveRequest(
            header, outcome, approved, decisions, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero), new MailBatch(header, announcement))
        {
            Reason = reason,
        };

        // The archive is the record: it is retried until it is written, whatever else arrives meanwhile.
        using var timers = new CancellationTokenSource();
        var delivery = new DurableDelivery(
            context,
            input.Delivery,
            inbox,
            status => context.SetCustomStatus(new StrategyProgress(endedIn, StagePhase.Archiving, Views(decisions)) { Delivery = status, IgnoredEvents = ignored, Undeliverable = undeliverable }),
            status => new MailBatch(header, [new MailOrder(MailOrder.Key(header.Id, 0, 0, MailKind.DeliveryDelayed, 0, header.Owner.Email), header.Owner, MailKind.DeliveryDelayed) { Pending = [status.What] }]),
            timers.Token);
        var (_, document) = await delivery.CallAsync<ArchiveResult>("archive", nameof(ArchiveStrategy), archive, interruptible: false);

        context.SetCustomStatus(new StrategyProgress(endedIn, StagePhase.Done, Views(decisions)) { IgnoredEvents = ignored, Undeliverable = undeliverable });
        return new StrategyOutcome(outcome, document!, Views(decisions), ignored, reason) { Undeliverable = undeliverable };
    }

    private static List<DecisionView> Views(List<DecisionRecord> decisions) => decisions.Select(DecisionView.Of).ToList();
}
