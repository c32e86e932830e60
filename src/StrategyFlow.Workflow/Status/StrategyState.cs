using System.Text.Json;
using Microsoft.DurableTask.Client;
using StrategyFlow.Core.Serialization;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Status;

/// <summary>Reads a strategy's live state from its durable instance.</summary>
public static class StrategyState
{
    /// <summary>Why a failed strategy failed, as ops read it: the exception's text belongs in the host's log, not the API.</summary>
    public const string FailedReason = "The workflow stopped on an unexpected error; the host's log has the details.";

    public static async Task<StrategyStatusView?> ReadAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);

        // An id no strategy can have is never sent to the backend.
        if (!StartStrategyValidator.IdPattern().IsMatch(id))
        {
            return null;
        }

        var strategy = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        return strategy is null ? null : View(strategy);
    }

    /// <summary>A strategy as ops see it, from its one instance: the running stage's state is part of its status.</summary>
    public static StrategyStatusView View(OrchestrationMetadata strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var run = Read<StrategyRun>(strategy.SerializedInput);
        var outcome = strategy.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? Read<StrategyOutcome>(strategy.SerializedOutput) : null;
        var status = strategy.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => outcome?.Outcome switch
            {
                Core.Documents.DocumentOutcome.Approved => StrategyStatuses.Completed,
                Core.Documents.DocumentOutcome.Rejected => StrategyStatuses.Rejected,
                _ => StrategyStatuses.Cancelled,
            },
            OrchestrationRuntimeStatus.Failed => StrategyStatuses.Failed,
            OrchestrationRuntimeStatus.Terminated => StrategyStatuses.Cancelled,
#pragma warning disable CS0618 // Canceled is obsolete but a backend may still report it.
            OrchestrationRuntimeStatus.Canceled => StrategyStatuses.Cancelled,
#pragma warning restore CS0618
            _ => StrategyStatuses.Running,
        };
        var id = strategy.InstanceId;
        var document = outcome is null ? null : new DocumentLocations(
            Location(id, "json", outcome.Document.Json),
            Location(id, "md", outcome.Document.Markdown),
            Location(id, "html", outcome.Document.Html));
        var reason = outcome?.Reason
            ?? (strategy.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? FailedReason : null)
            ?? (strategy.RuntimeStatus == OrchestrationRuntimeStatus.Terminated ? TerminationReason(strategy) : null);
        var progress = Read<StrategyProgress>(strategy.SerializedCustomStatus);
        var running = status == StrategyStatuses.Running;
        var stage = running ? progress?.Current : null;
        return new StrategyStatusView(
            id,
            status,
            run?.Definition.Header.Title ?? "",
            run?.Definition.Header.Organization ?? "",
            // The instance's own creation time moves to each stage's start when the strategy continues as new.
            run?.Definition.Header.CreatedAt ?? strategy.CreatedAt,
            strategy.LastUpdatedAt,
            stage is not null
                ? new StageView(stage.Number, Slug(stage.Number), stage.Round, stage.Phase, stage.Deadline, stage.Answered, stage.Pending, stage.RemindersSent, stage.Escalated)
                : progress is null ? null : new StageView(progress.Stage, Slug(progress.Stage), 0, progress.Phase, null, [], [], 0, false),
            outcome?.Decisions ?? [.. progress?.Decisions ?? [], .. stage?.Decisions ?? []],
            document,
            reason,
            outcome?.IgnoredEvents ?? progress?.IgnoredEvents ?? 0)
        {
            Delivery = running ? progress?.Delivery : null,
            Undeliverable = outcome?.Undeliverable ?? progress?.Undeliverable ?? [],
        };
    }

    /// <summary>The reason ops gave when they forced the end (kept as the instance's output).</summary>
    private static string TerminationReason(OrchestrationMetadata strategy)
    {
        var reason = strategy.SerializedOutput is { Length: > 0 } output && output.StartsWith('"') ? Read<string>(output) : null;
        return string.IsNullOrWhiteSpace(reason) ? "Terminated by ops." : $"Terminated by ops: {reason}";
    }

    public static T? Read<T>(string? json)
        where T : class =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<T>(json, CoreJson.Options);

    private static string Slug(int number) =>
        Core.Framework.StageKeys.TryFromNumber(number, out var key) ? Core.Framework.StageKeys.Slug(key) : "";

    private static DocumentLocation Location(string id, string format, string blob) =>
        new(Routes.DocumentPath(id, format), $"{Storage.Containers.Archive}/{blob}");
}
