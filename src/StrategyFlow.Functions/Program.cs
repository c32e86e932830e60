using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using StrategyFlow.Functions.Telemetry;
using StrategyFlow.Workflow.Hosting;

// StrategyFlow on Azure Functions: the shared workflow (StrategyFlow.Workflow) behind thin [Function]
// shims — Orchestrations, Activities, StrategyApiFunctions, FormApiFunctions, HealthFunction — on the routes the local host maps.
var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();              // HttpRequest in, IResult out (ASP.NET Core integration)
builder.Services.AddStrategyFlowTelemetry();             // worker logs and dependencies to Application Insights, form-link tokens redacted
builder.Services.AddStrategyFlow(builder.Configuration); // options validated at start-up, mail, storage, link tokens

builder.Build().Run();
