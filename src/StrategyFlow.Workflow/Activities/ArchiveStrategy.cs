using Microsoft.DurableTask;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Storage;

namespace StrategyFlow.Workflow.Activities;

/// <summary>
/// Writes the strategy document — JSON (schema-versioned), Markdown and printable HTML — once, from
/// the archived stage snapshots and the decision log, then announces the outcome to everyone. Also
/// archives rejected and cancelled strategies.
/// </summary>
public sealed class ArchiveStrategy(StrategyRepository repository, MailSender mail) : TaskActivity<ArchiveRequest, ArchiveResult>
{
    public override async Task<ArchiveResult> RunAsync(TaskActivityContext context, ArchiveRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = input.Strategy.Id;
        var stages = new List<ApprovedStage>();
        var findings = new List<Finding>();
        var strategyContext = new StrategyContext { BusinessGoals = input.Strategy.BusinessGoals };
        foreach (var key in input.ApprovedStages)
        {
            var stage = await repository.GetArchivedStageAsync(id, key)
                ?? throw new InconsistentStateException($"Stage {key} of {id} was approved but its snapshot is missing.");
            stages.Add(stage);

            // The same findings the approvers saw, conflicts between stakeholders included.
            var review = await repository.GetReviewAsync(id, key, stage.Round);
            findings.AddRange(CoherenceChecker.Check(stage.Content, strategyContext, review?.Consolidated.Conflicts));
            strategyContext = strategyContext.After(stage.Content);
        }

        var document = StrategyDocument.Create(input.Strategy, input.Outcome, stages, input.Decisions, findings, input.ArchivedAt, input.Reason);
        foreach (var format in Enum.GetValues<DocumentFormat>())
        {
            var name = StrategyRepository.DocumentName(id, format);
            if (!await repository.ArchiveDocumentAsync(name, DocumentRenderer.Render(document, format), DocumentRenderer.ContentType(format)))
            {
                throw new InconsistentStateException($"{name} is already archived with other content.");
            }
        }

        await mail.SendAsync(input.Announcement);
        return new ArchiveResult(
            StrategyRepository.DocumentName(id, DocumentFormat.Json),
            StrategyRepository.DocumentName(id, DocumentFormat.Markdown),
            StrategyRepository.DocumentName(id, DocumentFormat.Html));
    }
}

/// <summary>Input of <c>ArchiveStrategy</c>, with the outcome mail to everyone, sent once the document is archived.</summary>
public sealed record ArchiveRequest(
    StrategyHeader Strategy,
    DocumentOutcome Outcome,
    IReadOnlyList<StageKey> ApprovedStages,
    IReadOnlyList<DecisionRecord> Decisions,
    DateTimeOffset ArchivedAt,
    MailBatch Announcement)
{
    /// <summary>The rejection comment or the reason for cancelling, kept in the archived documents.</summary>
    public string? Reason { get; init; }
}

/// <summary>Where the archived strategy is: blob names in the <c>strategies</c> container.</summary>
public sealed record ArchiveResult(string Json, string Markdown, string Html);
