using Microsoft.DurableTask;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Serialization;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Storage;

namespace StrategyFlow.Workflow.Activities;

/// <summary>
/// Closes a round for review: consolidates the answers that arrived, runs the coherence checks and
/// freezes the result as the review bundle the approver's page shows, then asks the approvers to
/// review it. Deterministic, so a retry writes the same bundle; the mail ledger skips sent requests.
/// </summary>
public sealed class PrepareReview(StrategyRepository repository, MailSender mail) : TaskActivity<ReviewRequest, ReviewSummary>
{
    public override async Task<ReviewSummary> RunAsync(TaskActivityContext context, ReviewRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var answers = new List<ContributedAnswer>(input.Answers.Count);
        foreach (var reference in input.Answers)
        {
            var answer = await repository.GetAnswerAsync(input.StrategyId, input.Stage, input.Round, reference.Participant, reference.AnswerSha256)
                ?? throw new InconsistentStateException($"Answer {reference.AnswerSha256} of stage {input.Stage} round {input.Round} is missing.");
            answers.Add(new ContributedAnswer(reference.Participant, answer));
        }

        var consolidated = Consolidator.Consolidate(input.Stage, answers);
        var findings = CoherenceChecker.Check(consolidated.Draft, input.Context, consolidated.Conflicts);
        var review = new ReviewBundle(input.Stage, input.Round, answers, input.NotAnswered, consolidated, findings);
        if (!await repository.SaveReviewAsync(input.StrategyId, review))
        {
            throw new InconsistentStateException($"A different review of stage {input.Stage} round {input.Round} is already stored.");
        }

        var sent = await mail.SendAsync(input.ReviewRequests);
        return new ReviewSummary(
            CoreJson.Sha256(consolidated.Draft),
            findings.Count(f => f.Severity == Severity.Error),
            findings.Count(f => f.Severity == Severity.Warning),
            sent.Rejected);
    }
}

/// <summary>A stakeholder's answer by reference: the content lives in the submissions store.</summary>
public sealed record AnswerRef(string Participant, string AnswerSha256);

/// <summary>
/// Input of <c>PrepareReview</c>: the answers that arrived in a round, and the review requests to send
/// once the review is frozen (one activity closes the round: one hop less between the last answer and the mail).
/// </summary>
public sealed record ReviewRequest(
    string StrategyId,
    StageKey Stage,
    int Round,
    StrategyContext Context,
    IReadOnlyList<AnswerRef> Answers,
    IReadOnlyList<string> NotAnswered,
    MailBatch ReviewRequests);

/// <summary>The frozen review: the consolidated draft's hash (where the approvers start), its findings, and review requests SendGrid refused.</summary>
public sealed record ReviewSummary(string DraftSha256, int Errors, int Warnings, IReadOnlyList<string> Rejected);
