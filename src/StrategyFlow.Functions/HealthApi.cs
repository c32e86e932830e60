using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using StrategyFlow.Workflow.Http;

namespace StrategyFlow.Functions;

/// <summary>Liveness for probes and the deployment smoke test: anonymous, touches nothing.</summary>
public static class HealthApi
{
    [Function("Health")]
    public static IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        StrategyFlowEndpoints.Health();
}
