namespace StrategyFlow.Workflow.Strategies;

/// <summary>
/// The body of <c>POST /api/strategies</c> exactly as clients send it (docs/design.md §6). Everything is
/// optional here so that <see cref="StartStrategyValidator"/> can report every problem at once.
/// Top-level stakeholders, approvers and policy are defaults a stage under <c>stages</c> may override.
/// </summary>
public sealed record StartStrategyRequest
{
    public string? Id { get; init; }
    public string? Organization { get; init; }
    public string? Title { get; init; }
    public string? Language { get; init; }
    public PersonRequest? Owner { get; init; }
    public IReadOnlyList<string?>? BusinessGoals { get; init; }
    public IReadOnlyList<PersonRequest?>? Stakeholders { get; init; }
    public IReadOnlyList<PersonRequest?>? Approvers { get; init; }
    public string? Policy { get; init; }
    public IReadOnlyDictionary<string, StageRequest?>? Stages { get; init; }
    public TimingRequest? Timing { get; init; }
}

public sealed record PersonRequest(string? Name, string? Email);

public sealed record StageRequest
{
    public IReadOnlyList<PersonRequest?>? Stakeholders { get; init; }
    public IReadOnlyList<PersonRequest?>? Approvers { get; init; }
    public string? Policy { get; init; }
}

/// <summary>ISO 8601 durations (<c>P5D</c>, <c>PT30M</c>) and a count.</summary>
public sealed record TimingRequest
{
    public string? ResponseWindow { get; init; }
    public string? ReminderInterval { get; init; }
    public int? MaxReminders { get; init; }
    public string? ApprovalWindow { get; init; }
}
