using DurableTask.Core;

namespace StrategyFlow.LocalHost.DurableRuntime;

/// <summary>
/// An <see cref="IOrchestrationService"/> that passes everything to another; each adaptation of the
/// backend for the gRPC sidecar overrides only what it changes.
/// </summary>
internal abstract class OrchestrationServiceDecorator(IOrchestrationService inner) : IOrchestrationService
{
    protected IOrchestrationService Inner => inner;

    public virtual int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public virtual int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public virtual BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public virtual int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public virtual int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    public virtual Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public virtual Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => inner.AbandonTaskActivityWorkItemAsync(workItem);

    public virtual Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public virtual Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) => inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    public virtual Task CreateAsync() => inner.CreateAsync();

    public virtual Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public virtual Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public virtual Task DeleteAsync() => inner.DeleteAsync();

    public virtual Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public virtual int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public virtual int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public virtual bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public virtual Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) => inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public virtual Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) => inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public virtual Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public virtual Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public virtual Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public virtual Task StartAsync() => inner.StartAsync();

    public virtual Task StopAsync() => inner.StopAsync();

    public virtual Task StopAsync(bool isForced) => inner.StopAsync(isForced);
}
