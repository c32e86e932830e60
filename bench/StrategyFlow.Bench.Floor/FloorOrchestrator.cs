using Microsoft.DurableTask;

namespace StrategyFlow.Bench.Floor;

/// <summary>What one floor instance waits for: as many stages and answers per round as the strategy it stands for.</summary>
/// <param name="Stages">Stages in order; each ends with an approving decision.</param>
/// <param name="Stakeholders">Answers per round.</param>
/// <param name="Window">How long each waiting phase's timer runs, like the product's response and approval windows.</param>
public sealed record FloorInput(int Stages, int Stakeholders, TimeSpan Window);

/// <summary>The approver's event: an approval ends the stage; anything else asks for another round.</summary>
public sealed record FloorDecision(bool Approved);

/// <summary>A stakeholder's event; its content is not read.</summary>
public sealed record FloorAnswer(int Stakeholder);

/// <summary>What a floor instance returns: the events it counted.</summary>
public sealed record FloorOutcome(int Events, bool TimedOut);

/// <summary>
/// The Durable "human interaction" pattern and nothing else: per stage and round, wait for K answers and
/// then one decision, each waiting phase racing one durable timer as the product's deadline timers do
/// (one per phase, not one per event); no activities, sub-orchestrations, blobs or mail. A decision that
/// is not an approval runs another round, so the bench can send the same events the product's people send.
/// One instance serves every orchestration: it keeps no state of its own.
/// </summary>
public sealed class FloorOrchestrator(FloorProgress progress) : TaskOrchestrator<FloorInput, FloorOutcome>
{
    public const string Answer = nameof(Answer);
    public const string Decision = nameof(Decision);

    public override async Task<FloorOutcome> RunAsync(TaskOrchestrationContext context, FloorInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var events = 0;
        Counted(context, events);
        for (var stage = 0; stage < input.Stages; stage++)
        {
            var approved = false;
            while (!approved)
            {
                using (var phase = new Phase(context, input.Window))
                {
                    for (var answered = 0; answered < input.Stakeholders; answered++)
                    {
                        if (await phase.WaitAsync(context.WaitForExternalEvent<FloorAnswer>(Answer)) is null)
                        {
                            return TimedOut(context, events);
                        }
                        Counted(context, ++events);
                    }
                }

                using (var phase = new Phase(context, input.Window))
                {
                    if (await phase.WaitAsync(context.WaitForExternalEvent<FloorDecision>(Decision)) is not { } decision)
                    {
                        return TimedOut(context, events);
                    }
                    approved = decision.Approved;
                    // The last approval ends the instance: told with it, so its post learns both at once.
                    Counted(context, ++events, done: approved && stage == input.Stages - 1);
                }
            }
        }
        return new FloorOutcome(events, TimedOut: false);
    }

    private FloorOutcome TimedOut(TaskOrchestrationContext context, int events)
    {
        Counted(context, events, done: true);
        return new FloorOutcome(events, TimedOut: true);
    }

    // Told only when the event is new, not on replay: the host acknowledges a post without a storage read.
    private void Counted(TaskOrchestrationContext context, int events, bool done = false)
    {
        if (!context.IsReplaying)
        {
            progress.Counted(context.InstanceId, events, done);
        }
    }

    /// <summary>A waiting phase: one timer for all its waits, cancelled when the phase ends so the instance can complete.</summary>
    private sealed class Phase : IDisposable
    {
        private readonly CancellationTokenSource _cancel = new();
        private readonly Task _deadline;

        public Phase(TaskOrchestrationContext context, TimeSpan window) =>
            _deadline = context.CreateTimer(context.CurrentUtcDateTime + window, _cancel.Token);

        /// <summary>The event, or null when the phase's timer fired first.</summary>
        public async Task<T?> WaitAsync<T>(Task<T> wait)
            where T : class => await Task.WhenAny(wait, _deadline) == wait ? wait.Result : null;

        public void Dispose()
        {
            _cancel.Cancel();
            _cancel.Dispose();
        }
    }
}
