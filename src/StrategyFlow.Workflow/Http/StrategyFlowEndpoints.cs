using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace StrategyFlow.Workflow.Http;

/// <summary>
/// The HTTP surface (docs/design.md §6) as ASP.NET Core endpoints, for the local host. The Functions app
/// binds the same handlers through [Function] shims.
/// </summary>
public static class StrategyFlowEndpoints
{
    /// <summary>Ops routes under <c>/api/strategies</c>. The host protects the returned group with its key check.</summary>
    public static RouteGroupBuilder MapStrategyFlowOpsApi(this IEndpointRouteBuilder app)
    {
        var ops = app.MapGroup("/api/strategies");
        ops.MapPost("/", StrategyApi.StartAsync);
        ops.MapGet("/", StrategyApi.ListAsync);
        ops.MapGet("/{id}", StrategyApi.GetAsync);
        ops.MapPost("/{id}/cancel", StrategyApi.CancelAsync);
        ops.MapPost("/{id}/reminders", StrategyApi.RemindAsync);
        ops.MapGet("/{id}/document", StrategyApi.DocumentAsync);
        ops.MapGet("/{id}/timeline", StrategyApi.TimelineAsync);
        ops.MapDelete("/{id}/reader-access", StrategyApi.RevokeReaderAccessAsync);
        return ops;
    }

    /// <summary>Routes anyone may call: forms (the token is the credential) and health.</summary>
    public static RouteGroupBuilder MapStrategyFlowPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/health", Health);
        api.MapGet("/forms/{token}", FormApi.GetAsync);
        api.MapPost("/forms/{token}", FormApi.PostAsync).DisableAntiforgery();
        api.MapGet("/forms/{token}/document", FormApi.DocumentAsync);
        return api;
    }

    public sealed record HealthStatus(string Status);

    /// <summary>Liveness: the process answers.</summary>
    public static IResult Health() => TypedResults.Ok(new HealthStatus("Healthy"));
}
