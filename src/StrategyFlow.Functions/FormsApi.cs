using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using StrategyFlow.Workflow.Http;

namespace StrategyFlow.Functions;

/// <summary>The personal form links from the emails: anonymous, because the signed token is the credential.</summary>
public sealed class FormsApi(FormServices services)
{
    [Function("ShowForm")]
    public Task<IResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "forms/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        FormApi.GetAsync(token, client, services, cancellationToken);

    [Function("SubmitForm")]
    public Task<IResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "forms/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        FormApi.PostAsync(token, request, client, services, cancellationToken);
}
