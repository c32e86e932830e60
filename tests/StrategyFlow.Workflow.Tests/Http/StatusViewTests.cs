using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Status;
using StrategyFlow.Workflow.Tests.Fakes;

namespace StrategyFlow.Workflow.Tests.Http;

/// <summary>What the status says is true of the whole strategy, not only of the instance it was read from.</summary>
public sealed class StatusViewTests : IAsyncLifetime
{
    private WorkflowHost _host = null!;

    private DurableTaskClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<StrategyStatusView> StatusAsync(string id) =>
        Assert.IsType<Ok<StrategyStatusView>>((await StrategyApi.GetAsync(id, Client, CancellationToken.None)).Result).Value!;

    [Fact]
    public async Task Status_CancelledInStageTwo_NamesStageTwo()
    {
        var definition = Samples.Definition("ended-in-two");
        await _host.StartAsync(definition);
        await _host.PassStageAsync(definition, StageKey.Goals);
        await _host.WaitForStageAsync(definition.Id, StageKey.Audiences, 1, StagePhase.CollectingInput);

        await Client.RaiseEventAsync(definition.Id, WorkflowEvents.CancelRequested, new CancelRequested("Ei jatketa.", DateTimeOffset.UtcNow));
        await _host.WaitForOutcomeAsync(definition.Id);

        var status = await StatusAsync(definition.Id);
        Assert.Equal(StrategyStatuses.Cancelled, status.Status);
        Assert.Equal((2, "audiences", StagePhase.Done), (status.Stage!.Number, status.Stage.Key, status.Stage.Phase));
    }

    [Fact]
    public async Task Status_InStageTwo_CountsTheIgnoredEventsOfStageOneToo()
    {
        var definition = Samples.Definition("ignored-so-far");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        await Client.RaiseEventAsync(definition.Id, WorkflowEvents.AnswerSubmitted,
            new AnswerSubmitted(StageKey.Goals, 7, Samples.Stakeholder(1), "0000", DateTimeOffset.UtcNow)); // another round: ignored
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.IgnoredEvents == 1);
        await _host.PassStageAsync(definition, StageKey.Goals);
        await _host.WaitForStageAsync(definition.Id, StageKey.Audiences, 1, StagePhase.CollectingInput);

        var status = await StatusAsync(definition.Id);

        Assert.Equal(2, status.Stage!.Number);
        Assert.Equal(1, status.IgnoredEvents);
    }

    [Fact]
    public async Task Status_ForcedEnd_ShowsTheReasonOpsGave()
    {
        var definition = Samples.Definition("forced-end");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);

        await Client.TerminateInstanceAsync(definition.Id, new TerminateInstanceOptions { Output = "Väärä organisaatio." });
        await WorkflowHost.WaitForAsync(
            async () => await Client.GetInstanceAsync(definition.Id) is { RuntimeStatus: OrchestrationRuntimeStatus.Terminated } i ? i : null, "the end");

        var status = await StatusAsync(definition.Id);
        Assert.Equal(StrategyStatuses.Cancelled, status.Status);
        Assert.Equal("Terminated by ops: Väärä organisaatio.", status.Reason);
    }
}
