using StrategyFlow.Bench.Floor;
using StrategyFlow.LocalHost.DurableRuntime;
using StrategyFlow.LocalHost.Hosting;
using StrategyFlow.LocalHost.Security;

// The bench's floor: the local host's durable runtime (same backend, sidecar and settings, from the same
// code) with one bare human-interaction orchestrator instead of StrategyFlow. Same environment contract
// as the local host (STRATEGYFLOW_URL, _DATA, _STORAGE, _OPS_KEY), so the bench starts it the same way.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddLocalContract();
// The worker creates orchestrators without dependency injection: the one instance is given its progress here.
var progress = new FloorProgress();
builder.Services.AddSingleton(progress);
builder.AddLocalDurableRuntime(tasks => tasks.AddOrchestrator(new FloorOrchestrator(progress)));

var app = builder.Build();

app.UseDurableReadinessGate();
app.MapLocalDurableRuntime();
app.MapFloorApi().RequireOpsKey();

app.Run();
