using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using StrategyFlow.Workflow.Http;

namespace StrategyFlow.Functions;

/// <summary>Liveness for probes and the deployment smoke test: anonymous, touches nothing.</summary>
public static class HealthFunction
{
    [Function("Health")]
    public static IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request) =>
        StrategyFlowEndpoints.Health();
}
