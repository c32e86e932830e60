using StrategyFlow.Workflow.Orchestration;

namespace StrategyFlow.Workflow.Status;

public sealed record StageView(
    int Number,
    string Key,
    int Round,
    StagePhase Phase,
    DateTimeOffset? Deadline,
    IReadOnlyList<string> Answered,
    IReadOnlyList<string> Pending,
    int RemindersSent,
    bool Escalated);
