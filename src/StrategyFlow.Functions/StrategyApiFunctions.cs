using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using StrategyFlow.Workflow.Configuration;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Storage;

namespace StrategyFlow.Functions;

/// <summary>The ops API (docs/design.md §6) behind a function key: <c>x-functions-key</c> or <c>?code=</c>.</summary>
public sealed class StrategyApiFunctions(TimeProvider time, StrategyRepository repository, IOptions<StrategyFlowOptions> options, ContinuationTokens continuationTokens)
{
    [Function("StartStrategy")]
    public async Task<IResult> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Strategies)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await StrategyApi.StartAsync(request, client, repository, time, options, cancellationToken);

    [Function("ListStrategies")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Strategies)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await StrategyApi.ListAsync(request, client, continuationTokens, cancellationToken);

    [Function("GetStrategy")]
    public static async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Strategy)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await StrategyApi.GetAsync(id, client, cancellationToken);

    [Function("CancelStrategy")]
    public async Task<IResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Cancel)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await StrategyApi.CancelAsync(id, request, client, time, cancellationToken);

    [Function("RemindPending")]
    public async Task<IResult> Remind(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Reminders)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await StrategyApi.RemindAsync(id, client, time, cancellationToken);

    [Function("GetStrategyTimeline")]
    public async Task<IResult> Timeline(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Timeline)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await StrategyApi.TimelineAsync(id, client, repository, cancellationToken);

    [Function("RevokeReaderAccess")]
    public async Task<IResult> RevokeReaderAccess(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = Routes.ReaderAccess)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await StrategyApi.RevokeReaderAccessAsync(id, client, repository, time, cancellationToken);

    [Function("GetStrategyDocument")]
    public async Task<IResult> Document(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Document)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        await StrategyApi.DocumentAsync(id, request, repository, cancellationToken);
}
