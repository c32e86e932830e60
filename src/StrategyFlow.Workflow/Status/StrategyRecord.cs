using StrategyFlow.Core.Documents;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Status;

/// <summary>
/// A strategy as its own records tell it: the definition it started with, its live status (what ops' status JSON
/// holds), the stages approved so far, and optionally every event with its time.
/// </summary>
public sealed record StrategyRecord(
    StrategyDefinition Definition,
    StrategyStatusView Status,
    IReadOnlyList<ApprovedStage> Approved,
    IReadOnlyList<TimelineEvent> Events)
{
    /// <summary>The archived document, once written: it is the record of how the strategy ended (written before the outcome mail).</summary>
    public StrategyDocument? Archived { get; init; }

    /// <summary>How the strategy stands (a <see cref="StrategyStatuses"/> value): the archive's word once there is one, else the live status.</summary>
    public string Outcome => Archived?.Outcome switch
    {
        DocumentOutcome.Approved => StrategyStatuses.Completed,
        DocumentOutcome.Rejected => StrategyStatuses.Rejected,
        DocumentOutcome.Cancelled => StrategyStatuses.Cancelled,
        _ => Status.Status,
    };

    /// <summary>The rejection comment or cancel reason, whole (the status shortens it).</summary>
    public string? Reason => Archived is null ? Status.Reason : Archived.Reason;

    private readonly Dictionary<string, string> _names =
        Definition.Everyone().ToDictionary(p => p.Email, p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The display name of a participant, or the address when the strategy does not know them.</summary>
    public string NameOf(string email) => _names.GetValueOrDefault(email, email);
}
