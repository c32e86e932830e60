using StrategyFlow.LocalHost.DurableRuntime;
using StrategyFlow.LocalHost.Hosting;
using StrategyFlow.LocalHost.Mailbox;
using StrategyFlow.LocalHost.Security;
using StrategyFlow.Workflow.Hosting;
using StrategyFlow.Workflow.Http;

// StrategyFlow on one machine: the workflow of the Azure Functions app on the same Durable Task
// Azure Storage backend (Azurite), with a development mailbox for the real SendGrid client.
// Content root = the build output, so appsettings.json applies wherever the host is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

var contract = builder.AddLocalContract();       // URL, data folder, storage, ops key; local StrategyFlow settings
builder.AddHttpHardening();                      // problem details, body size limits
builder.AddLocalDurableRuntime(tasks => tasks.AddStrategyFlowTasks()); // sidecar + worker + client on Azure Storage
builder.Services.AddStrategyFlow(builder.Configuration);
builder.AddDevMailbox();
builder.Services.AddHostedService<HistoryRetentionService>(); // ended strategies' durable history, purged after the retention period

var app = builder.Build();

app.UseHttpHardening();
app.MapLocalDurableRuntime();                     // the sidecar on its own port, and only there
app.UseDurableReadinessGate();
app.MapDevMailbox();
app.MapStrategyFlowPublicApi();
app.MapStrategyFlowOpsApi().RequireOpsKey();

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Log(app.Logger, contract));
app.Run();
