using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StrategyFlow.Workflow.Hosting;

// StrategyFlow on Azure Functions: the shared workflow (StrategyFlow.Workflow) behind thin [Function]
// shims — Orchestrations, Activities, OpsApi, FormsApi, HealthApi — on the routes the local host maps.
var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();              // HttpRequest in, IResult out (ASP.NET Core integration)
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()      // the worker's own logs and dependency calls
    .ConfigureFunctionsApplicationInsights();            // (Entra ID auth from APPLICATIONINSIGHTS_AUTHENTICATION_STRING)
builder.Services.AddStrategyFlow(builder.Configuration); // options validated at start-up, mail, storage, link tokens

builder.Build().Run();
