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
    /// <summary>Ops routes (<see cref="Routes"/>, under <c>/api/strategies</c>). The host protects the returned group with its key check.</summary>
    public static RouteGroupBuilder MapStrategyFlowOpsApi(this IEndpointRouteBuilder app)
    {
        var ops = app.MapGroup("/" + Routes.Prefix);
        ops.MapPost(Routes.Strategies, StrategyApi.StartAsync);
        ops.MapGet(Routes.Strategies, StrategyApi.ListAsync);
        ops.MapGet(Routes.Strategy, StrategyApi.GetAsync);
        ops.MapPost(Routes.Cancel, StrategyApi.CancelAsync);
        ops.MapPost(Routes.Reminders, StrategyApi.RemindAsync);
        ops.MapGet(Routes.Document, StrategyApi.DocumentAsync);
        ops.MapGet(Routes.Timeline, StrategyApi.TimelineAsync);
        ops.MapDelete(Routes.ReaderAccess, StrategyApi.RevokeReaderAccessAsync);
        return ops;
    }

    /// <summary>Routes anyone may call: forms (the token is the credential) and health.</summary>
    public static RouteGroupBuilder MapStrategyFlowPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + Routes.Prefix);
        api.MapGet(Routes.Health, Health);
        api.MapGet(Routes.Form, FormApi.GetAsync);
        api.MapPost(Routes.Form, FormApi.PostAsync).DisableAntiforgery();
        api.MapGet(Routes.FormDocument, FormApi.DocumentAsync);
        return api;
    }

    public sealed record HealthStatus(string Status);

    /// <summary>Liveness: the process answers.</summary>
    public static IResult Health() => TypedResults.Ok(new HealthStatus("Healthy"));
}
