using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace StrategyFlow.Bench.Floor;

/// <summary>
/// The floor's HTTP surface under <c>/api/floor</c> (the host protects it with the ops key): start an
/// instance, raise an event, read the status. Each call makes only the storage requests its Durable client
/// call makes, so the floor's count is the pattern's own.
/// </summary>
public static class FloorApi
{
    /// <summary>The product's form post waits as long for its stage to count the event.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public sealed record Ready(string Status);

    /// <summary>Whether the event was counted (false: not yet, after the patience), the instance's count and whether it ended.</summary>
    public sealed record EventCounted(bool Counted, int Events, bool Done);

    public sealed record Status(string Id, string RuntimeStatus, string? Output);

    public static RouteGroupBuilder MapFloorApi(this IEndpointRouteBuilder app)
    {
        var floor = app.MapGroup("/api/floor");
        // The bench's readiness probe: /api answers 503 until the durable runtime is up.
        floor.MapGet("/", () => TypedResults.Ok(new Ready("Ready")));
        floor.MapPost("/{id}", StartAsync);
        floor.MapPost("/{id}/answers", (string id, FloorAnswer answer, DurableTaskClient client, FloorProgress progress, CancellationToken cancellationToken) =>
            RaiseAsync(id, FloorOrchestrator.Answer, answer, client, progress, cancellationToken));
        floor.MapPost("/{id}/decisions", (string id, FloorDecision decision, DurableTaskClient client, FloorProgress progress, CancellationToken cancellationToken) =>
            RaiseAsync(id, FloorOrchestrator.Decision, decision, client, progress, cancellationToken));
        floor.MapGet("/{id}", GetAsync);
        return floor;
    }

    private static async Task<IResult> StartAsync(string id, FloorInput input, DurableTaskClient client, FloorProgress progress, CancellationToken cancellationToken)
    {
        if (input.Stages <= 0 || input.Stakeholders <= 0 || input.Window <= TimeSpan.Zero)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Stages, stakeholders and window must be positive.");
        }
        var before = progress.Events(id);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(FloorOrchestrator), input, new StartOrchestrationOptions(id), cancellationToken);
        // Answered once the instance runs: the first event then has an episode of its own, as the product's
        // first answer does (it follows the invitation, which follows the start).
        await progress.AfterAsync(id, before, Patience, cancellationToken);
        return TypedResults.Accepted($"/api/floor/{Uri.EscapeDataString(id)}");
    }

    /// <summary>
    /// Raises the event and answers once the instance counted it, like a form post that confirms what it sent.
    /// The payload is bound to its own type, so the worker's converter reads back what it wrote.
    /// </summary>
    private static async Task<IResult> RaiseAsync<T>(string id, string name, T payload, DurableTaskClient client, FloorProgress progress, CancellationToken cancellationToken)
    {
        var before = progress.Events(id);
        await client.RaiseEventAsync(id, name, payload, cancellationToken);
        return await progress.AfterAsync(id, before, Patience, cancellationToken) is { } counted
            ? TypedResults.Ok(new EventCounted(true, counted.Events, counted.Done))
            : TypedResults.Accepted((string?)null, new EventCounted(false, before, false));
    }

    private static async Task<IResult> GetAsync(string id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        return instance is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such instance.")
            : TypedResults.Ok(new Status(id, instance.RuntimeStatus.ToString(), instance.SerializedOutput));
    }
}
