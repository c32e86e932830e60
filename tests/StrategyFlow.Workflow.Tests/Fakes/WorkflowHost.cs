using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SendGrid;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Serialization;
using StrategyFlow.Workflow.Hosting;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Storage;
using StrategyFlow.Workflow.Strategies;
using Xunit.Abstractions;

namespace StrategyFlow.Workflow.Tests.Fakes;

/// <summary>
/// StrategyFlow's real orchestrations and activities on the in-memory Durable Task test host, with
/// in-memory blobs and a fake SendGrid API behind the real SendGrid client.
/// </summary>
public sealed class WorkflowHost : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly DurableTaskTestHost _host;

    private WorkflowHost(DurableTaskTestHost host, InMemoryBlobStore blobs, FakeSendGridApi mail)
    {
        _host = host;
        Blobs = blobs;
        Mail = mail;
    }

    public DurableTaskClient Client => _host.Client;

    public IServiceProvider Services => _host.Services;

    public InMemoryBlobStore Blobs { get; }

    public FakeSendGridApi Mail { get; }

    public StrategyRepository Repository => Services.GetRequiredService<StrategyRepository>();

    public static IConfiguration Configuration { get; } = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["StrategyFlow:PublicBaseUrl"] = "https://strategyflow.test",
        ["StrategyFlow:Mail:ApiKey"] = "SG.test-key",
        ["StrategyFlow:Mail:SenderEmail"] = "noreply@strategyflow.test",
        ["StrategyFlow:Mail:Host"] = "https://sendgrid.test",
        ["StrategyFlow:Links:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["StrategyFlow:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
    }).Build();

    public static async Task<WorkflowHost> StartAsync(ITestOutputHelper? output = null)
    {
        var blobs = new InMemoryBlobStore();
        var mail = new FakeSendGridApi();
        var host = await StartTestHostAsync(blobs, mail, output);
        return new WorkflowHost(host, blobs, mail);
    }

    /// <summary>
    /// The test host picks a free port and binds it a moment later; a host starting in a parallel test
    /// class can take the same port in between. Only that race is retried.
    /// </summary>
    private static async Task<DurableTaskTestHost> StartTestHostAsync(InMemoryBlobStore blobs, FakeSendGridApi mail, ITestOutputHelper? output)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartTestHostOnceAsync(blobs, mail, output);
            }
            catch (IOException e) when (attempt < 5 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
            }
        }
    }

    private static Task<DurableTaskTestHost> StartTestHostOnceAsync(InMemoryBlobStore blobs, FakeSendGridApi mail, ITestOutputHelper? output) =>
        DurableTaskTestHost.StartAsync(
            registry => registry.AddStrategyFlowTasks(),
            new DurableTaskTestHostOptions
            {
                LoggerFactory = output is null ? null : LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggerProvider(output))),
                ConfigureServices = services =>
                {
                    services.AddStrategyFlow(Configuration);
                    services.AddSingleton<IBlobStore>(blobs);
                    services.AddHttpClient(nameof(SendGridClient))
                        .ConfigurePrimaryHttpMessageHandler(() => mail)
                        .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
                },
            });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    // ---- Driving a strategy ---------------------------------------------------------------

    public async Task<string> StartAsync(StrategyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(StrategyOrchestrator), new StrategyRun(definition), new Microsoft.DurableTask.StartOrchestrationOptions(definition.Id));
    }

    /// <summary>The strategy's custom status.</summary>
    public async Task<StrategyProgress?> ProgressAsync(string id) =>
        (await Client.GetInstanceAsync(id, getInputsAndOutputs: true))?.SerializedCustomStatus is { } json
            ? JsonSerializer.Deserialize<StrategyProgress>(json, CoreJson.Options)
            : null;

    /// <summary>The stage's status as the form handler reads it: live while it runs, its decisions once done, null before.</summary>
    public async Task<StageStatus?> StageStatusAsync(string id, StageKey stage) =>
        StageConfirmation.Of(await Client.GetInstanceAsync(id, getInputsAndOutputs: true), stage);

    /// <summary>Polls until the stage reaches the round and phase, or fails after <see cref="Patience"/>.</summary>
    public Task<StageStatus> WaitForStageAsync(string id, StageKey stage, int round, StagePhase phase, Func<StageStatus, bool>? also = null) =>
        WaitForAsync(async () =>
        {
            var status = await StageStatusAsync(id, stage);
            return status is not null && status.Round == round && status.Phase == phase && (also?.Invoke(status) ?? true) ? status : null;
        }, $"stage {stage} round {round} {phase}");

    public async Task<StrategyOutcome> WaitForOutcomeAsync(string id)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var metadata = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return metadata.ReadOutputAs<StrategyOutcome>()!;
    }

    /// <summary>What the form handler does for a stakeholder: store the answer, then raise the event.</summary>
    public async Task<string> AnswerAsync(string id, StageKey stage, int round, string email, StageAnswer answer)
    {
        var sha = await Repository.SaveAnswerAsync(id, stage, round, email, answer);
        await Client.RaiseEventAsync(id, WorkflowEvents.AnswerSubmitted, new AnswerSubmitted(stage, round, email, sha, DateTimeOffset.UtcNow));
        return sha;
    }

    /// <summary>
    /// What the form handler does for an approver: the draft defaults to the consolidated one, and the
    /// draft the page showed (<paramref name="seen"/>) to the one under review now.
    /// </summary>
    public async Task DecideAsync(
        string id, StageKey stage, int round, string approver, DecisionKind decision, string comment = "", StageAnswer? draft = null, string? seen = null)
    {
        draft ??= (await WaitForAsync(() => Repository.GetReviewAsync(id, stage, round), $"review of {stage}")).Consolidated.Draft;
        seen ??= (await WaitForAsync(
            async () => await StageStatusAsync(id, stage) is { DraftSha256: not null } status ? status : null, $"draft under review of {stage}")).DraftSha256;
        var sha = await Repository.SaveDraftAsync(id, stage, round, approver, draft);
        await Client.RaiseEventAsync(id, WorkflowEvents.DecisionSubmitted,
            new DecisionSubmitted(stage, round, approver, decision, comment, sha, DateTimeOffset.UtcNow, seen));
    }

    /// <summary>Every stakeholder answers with the stage's sample answer, then the first approver approves.</summary>
    public async Task PassStageAsync(StrategyDefinition definition, StageKey stage, int round = 1)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var plan = definition.Plan(stage);
        await WaitForStageAsync(definition.Id, stage, round, StagePhase.CollectingInput);
        foreach (var stakeholder in plan.Stakeholders)
        {
            await AnswerAsync(definition.Id, stage, round, stakeholder.Email, Samples.Answer(stage));
        }

        await WaitForStageAsync(definition.Id, stage, round, StagePhase.AwaitingApproval);
        foreach (var approver in plan.Policy == ApprovalPolicy.All ? plan.Approvers : plan.Approvers.Take(1))
        {
            await DecideAsync(definition.Id, stage, round, approver.Email, DecisionKind.Approved);
        }
    }

    public IReadOnlyList<SentMail> MailsTo(string email, string? kind = null) =>
        Mail.Sent.Where(m => m.To == email && (kind is null || m.Kind == kind)).ToList();

    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}.");
            }

            await Task.Delay(25);
        }
    }
}
