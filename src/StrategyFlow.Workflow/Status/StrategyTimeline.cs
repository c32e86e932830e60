using Microsoft.DurableTask.Client;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Storage;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Status;

/// <summary>
/// Reads what happened when, from the workflow's own records and nothing else: the strategy and stage instances
/// (status, decisions, delivery problems), the mail ledger (every mail sent, its key naming stage, round, kind and
/// recipient), the stored answers, the frozen reviews and the archive, each blob with its creation time. The ops
/// timeline and the owner's progress page both read through here.
/// </summary>
public static class StrategyTimeline
{
    /// <summary>The strategy for its pages: status, the stages approved so far, the archived document once there, and (when asked) every event.</summary>
    public static async Task<StrategyRecord?> ReadAsync(
        DurableTaskClient client, StrategyRepository repository, string id, bool withEvents, CancellationToken cancellationToken)
    {
        if (await OpenAsync(client, repository, id, cancellationToken) is not { } strategy)
        {
            return null;
        }

        var (instance, definition, status, archived) = strategy;
        var approved = new List<ApprovedStage>();
        foreach (var stage in StageKeys.InOrder.Where(s => archived.Any(a => a.Name == StrategyRepository.StageSnapshotName(id, s))))
        {
            if (await repository.GetArchivedStageAsync(id, stage, cancellationToken) is { } snapshot)
            {
                approved.Add(snapshot);
            }
        }

        var events = withEvents ? await EventsAsync(repository, instance, definition, status, archived, cancellationToken) : [];
        var document = archived.Any(a => a.Name == StrategyRepository.DocumentName(id, DocumentFormat.Json))
            ? await ArchivedDocumentAsync(repository, id, cancellationToken)
            : null;
        return new StrategyRecord(definition, status, approved, events) { Archived = document };
    }

    /// <summary>The status and every event, for ops: none of the approved content is read.</summary>
    public static async Task<(StrategyStatusView Status, IReadOnlyList<TimelineEvent> Events)?> ReadEventsAsync(
        DurableTaskClient client, StrategyRepository repository, string id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(client, repository, id, cancellationToken) is not { } strategy)
        {
            return null;
        }

        var (instance, definition, status, archived) = strategy;
        return (status, await EventsAsync(repository, instance, definition, status, archived, cancellationToken));
    }

    /// <summary>The strategy's instance, its definition and status, and what its archive holds; null for an unknown id.</summary>
    private static async Task<(OrchestrationMetadata Instance, StrategyDefinition Definition, StrategyStatusView Status, IReadOnlyList<BlobEntry> Archived)?> OpenAsync(
        DurableTaskClient client, StrategyRepository repository, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(repository);
        if (!StartStrategyValidator.IdPattern().IsMatch(id) || await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken) is not { } instance
            || StrategyState.Read<StrategyRun>(instance.SerializedInput)?.Definition is not { } definition)
        {
            return null;
        }

        return (instance, definition, StrategyState.View(instance), await repository.ArchivedAsync(id, cancellationToken));
    }

    /// <summary>The archived document; null when it is of a schema this code cannot read (the live status then tells the end).</summary>
    private static async Task<StrategyDocument?> ArchivedDocumentAsync(StrategyRepository repository, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await repository.ReadArchiveAsync(StrategyRepository.DocumentName(id, DocumentFormat.Json), cancellationToken) is { } json
                ? DocumentRenderer.FromJson(json.ToString())
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static async Task<List<TimelineEvent>> EventsAsync(
        StrategyRepository repository, OrchestrationMetadata instance, StrategyDefinition definition, StrategyStatusView status,
        IReadOnlyList<BlobEntry> archived, CancellationToken cancellationToken)
    {
        var id = definition.Id;
        // Not the instance's creation time: that moves to each stage's start when the strategy continues as new.
        var events = new List<TimelineEvent> { new(definition.Header.CreatedAt, TimelineEvents.Started) };

        foreach (var (key, sentAt) in await repository.SentMailLogAsync(id, cancellationToken))
        {
            // {strategy}/{stage}/{round}/{kind}/{sequence}/{recipient}: strategy-level mail has stage and round 0.
            if (key.Split('/') is [_, var stage, var round, var kind, _, var recipient])
            {
                events.Add(new(sentAt, TimelineEvents.MailSent) { Stage = Positive(stage), Round = Positive(round), Mail = kind, Person = recipient });
            }
        }

        var stakeholders = definition.Stages.SelectMany(s => s.Stakeholders).DistinctBy(p => p.Email)
            .ToDictionary(p => StrategyRepository.Pseudonym(p.Email), p => p.Email, StringComparer.Ordinal);
        foreach (var round in (await repository.SubmittedAsync(id, "answers", cancellationToken)).GroupBy(a => (a.Stage, a.Round, a.Pseudonym)))
        {
            var first = true;
            foreach (var answer in round.OrderBy(a => a.At))
            {
                events.Add(new(answer.At, first ? TimelineEvents.AnswerSubmitted : TimelineEvents.AnswerRevised)
                {
                    Stage = answer.Stage.Number(), Round = answer.Round, Person = stakeholders.GetValueOrDefault(answer.Pseudonym),
                });
                first = false;
            }
        }

        events.AddRange((await repository.ReviewsFrozenAsync(id, cancellationToken))
            .Select(r => new TimelineEvent(r.At, TimelineEvents.ReviewPrepared) { Stage = r.Stage.Number(), Round = r.Round }));
        events.AddRange(status.Decisions.Select(d => new TimelineEvent(d.At, TimelineEvents.Decision)
        {
            Stage = d.Stage.Number(), Round = d.Round, Person = d.Approver, Decision = d.Decision.ToString(), Comment = string.IsNullOrWhiteSpace(d.Comment) ? null : d.Comment,
        }));
        foreach (var blob in archived)
        {
            var stage = StageKeys.InOrder.Where(s => blob.Name == StrategyRepository.StageSnapshotName(id, s)).Select(s => (StageKey?)s).FirstOrDefault();
            if (stage is { } snapshot)
            {
                events.Add(new(blob.CreatedOn, TimelineEvents.StageArchived) { Stage = snapshot.Number() });
            }
            else if (blob.Name == StrategyRepository.DocumentName(id, DocumentFormat.Json))
            {
                events.Add(new(blob.CreatedOn, TimelineEvents.StrategyArchived));
            }
        }

        if (status.Delivery is { } delivery)
        {
            events.Add(new(delivery.Since, TimelineEvents.DeliveryDelayed) { Detail = delivery.What, Comment = delivery.LastError });
        }

        if (status.Status != StrategyStatuses.Running)
        {
            events.Add(new(instance.LastUpdatedAt, TimelineEvents.Ended) { Detail = status.Status, Comment = status.Reason });
        }

        // Blob times have whole seconds: within one second, the workflow's own order (a stage's steps before the next stage's).
        return [.. events.OrderBy(e => e.At.ToUnixTimeSeconds()).ThenBy(e => e.Stage ?? (e.Event == TimelineEvents.Started ? 0 : 5)).ThenBy(Step).ThenBy(e => e.At)];
    }

    /// <summary>Where an event falls in a round: invitations, answers, the review, decisions, the approval, the end.</summary>
    private static int Step(TimelineEvent e) => (e.Event, e.Mail) switch
    {
        (TimelineEvents.Started, _) => 0,
        (TimelineEvents.MailSent, "Invitation" or "SentBack" or "Reminder" or "Started") => 1,
        (TimelineEvents.AnswerSubmitted or TimelineEvents.AnswerRevised, _) => 2,
        (TimelineEvents.ReviewPrepared, _) => 3,
        (TimelineEvents.MailSent, "ReviewRequest" or "ReviewReminder" or "DraftChanged" or "Escalation") => 4,
        (TimelineEvents.Decision, _) => 5,
        (TimelineEvents.StageArchived, _) => 6,
        (TimelineEvents.MailSent, "StageApproved") => 7,
        (TimelineEvents.StrategyArchived, _) => 8,
        (TimelineEvents.MailSent, "Completed" or "Rejected" or "Cancelled") => 9,
        (TimelineEvents.Ended, _) => 10,
        _ => 4,
    };

    private static int? Positive(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
