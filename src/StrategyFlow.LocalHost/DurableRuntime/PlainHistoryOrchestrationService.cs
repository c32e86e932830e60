using DurableTask.Core;
using DurableTask.Core.History;

namespace StrategyFlow.LocalHost.DurableRuntime;

/// <summary>
/// The gRPC sidecar records a started sub-orchestration as its own subclass of
/// <see cref="SubOrchestrationInstanceCreatedEvent"/> (it adds a trace context). The Azure Storage
/// backend writes that subclass to the history table without its <c>EventType</c>, and can then never
/// read the parent's history back: the strategy would stall after its first stage. This decorator
/// hands the backend the plain event instead; everything else passes through unchanged.
/// </summary>
internal sealed class PlainHistoryOrchestrationService(IOrchestrationService inner) : OrchestrationServiceDecorator(inner)
{
    public override Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        ArgumentNullException.ThrowIfNull(newOrchestrationRuntimeState);
        Normalize(newOrchestrationRuntimeState.NewEvents);
        Normalize(newOrchestrationRuntimeState.Events);
        return base.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    /// <summary>Replaces each subclassed "sub-orchestration created" event by the plain one, in place.</summary>
    internal static void Normalize(IList<HistoryEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
            {
                events[i] = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                    Timestamp = created.Timestamp,
                    IsPlayed = created.IsPlayed,
                };
            }
        }
    }
}
