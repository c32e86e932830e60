using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using StrategyFlow.Workflow.Http;

namespace StrategyFlow.Functions;

/// <summary>The personal links from the emails (forms, the strategy to read, the owner's progress): anonymous, because the sealed token is the credential.</summary>
public sealed class FormApiFunctions(FormServices services)
{
    [Function("ShowForm")]
    public Task<IResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Form)] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        FormApi.GetAsync(token, client, services, cancellationToken);

    [Function("DownloadStrategyDocument")]
    public Task<IResult> Download(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.FormDocument)] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        FormApi.DocumentAsync(token, request, client, services, cancellationToken);

    [Function("SubmitForm")]
    public Task<IResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Form)] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        FormApi.PostAsync(token, request, client, services, cancellationToken);
}
