using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using StrategyFlow.Workflow.Hosting;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Storage;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Http;

/// <summary>The ops API under <c>/api/strategies</c> (key-protected by the host). Shared by both hosts.</summary>
public static class StrategyApi
{
    public const int MaxStartBytes = 64 * 1024;
    public const int MaxCancelBytes = 4 * 1024;
    public const int MaxReasonLength = 500;

    public sealed record StrategyStarted(string Id, string Status, string StatusUri, string CancelUri, string DocumentUri);

    public sealed record CancelRequest(string? Reason);

    public sealed record Accepted(string Id, string Action, string StatusUri);

    public sealed record StrategyPage(IReadOnlyList<StrategyStatusView> Items, string? ContinuationToken);

    /// <summary>What happened when: the strategy's status and its events, oldest first.</summary>
    public sealed record Timeline(string Id, string Status, IReadOnlyList<TimelineEvent> Events);

    public sealed record ReaderAccessChange(string Id, string ReaderAccess);

    /// <summary><c>POST /api/strategies</c>: validates everything, then starts the run once per id.</summary>
    public static async Task<Results<Accepted<StrategyStarted>, ValidationProblem, ProblemHttpResult>> StartAsync(
        HttpRequest request, DurableTaskClient client, TimeProvider time, IOptions<StrategyFlowOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        var body = await JsonBody.ReadAsync<StartStrategyRequest>(request, MaxStartBytes, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var validation = StartStrategyValidator.Validate(body.Value, Guid.NewGuid().ToString("n"), time.GetUtcNow());
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, title: "The strategy cannot be started.");
        }

        var definition = validation.Definition!.AsNewRun() with { Delivery = options.Value.Delivery.Policy };
        if (await client.GetInstanceAsync(definition.Id, cancellationToken) is not null)
        {
            return ExistsConflict(definition.Id);
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(StrategyOrchestrator), definition, new StartOrchestrationOptions(definition.Id), cancellationToken);
        }
        catch (Exception)
        {
            // Two starts of the same id raced past the check: the backend keeps one run.
            if (await client.GetInstanceAsync(definition.Id, cancellationToken) is not null)
            {
                return ExistsConflict(definition.Id);
            }

            throw;
        }

        var links = Links(definition.Id);
        return TypedResults.Accepted(links.StatusUri, links with { Status = StrategyStatuses.Running });
    }

    /// <summary><c>GET /api/strategies/{id}</c>.</summary>
    public static async Task<Results<Ok<StrategyStatusView>, ProblemHttpResult>> GetAsync(
        string id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var status = await StrategyState.ReadAsync(client, id, cancellationToken);
        return status is null ? Problems.NotFound(id) : TypedResults.Ok(status);
    }

    /// <summary>
    /// <c>GET /api/strategies?status=Running&amp;createdFrom=…&amp;createdTo=…&amp;pageSize=20&amp;continuationToken=…</c>.
    /// A page may hold fewer items than asked for; follow the continuation token until it is null.
    /// </summary>
    public static async Task<Results<Ok<StrategyPage>, ValidationProblem>> ListAsync(
        HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = request.Query;

        var wanted = query["status"].SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var unknown = wanted.Where(s => !StrategyStatuses.All.Contains(s, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            errors["status"] = [$"Unknown status: {string.Join(", ", unknown)}. Use {string.Join(", ", StrategyStatuses.All)}."];
        }

        var createdFrom = Time(query, "createdFrom", errors);
        var createdTo = Time(query, "createdTo", errors);
        var pageSize = 20;
        if (query.TryGetValue("pageSize", out var size) && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
        {
            errors["pageSize"] = ["Use a whole number from 1 to 100."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        var filter = new OrchestrationQuery
        {
            CreatedFrom = createdFrom,
            CreatedTo = createdTo,
            Statuses = RuntimeStatuses(wanted),
            PageSize = pageSize,
            FetchInputsAndOutputs = true,
        };
        var continuation = query["continuationToken"].FirstOrDefault();
        await foreach (var page in client.GetAllInstancesAsync(filter).AsPages(continuation, pageSize).WithCancellation(cancellationToken))
        {
            // A running strategy's delivery problems live in its current stage: one more read each, side by side.
            var items = await Task.WhenAll(page.Values
                .Where(m => !InstanceIds.IsStage(m.InstanceId))
                .Select(m => StrategyState.WithCurrentStageAsync(client, m, cancellationToken)));
            return TypedResults.Ok(new StrategyPage(
                items.Where(s => wanted.Count == 0 || wanted.Contains(s.Status, StringComparer.Ordinal)).ToList(), page.ContinuationToken));
        }

        return TypedResults.Ok(new StrategyPage([], null));
    }

    /// <summary><c>POST /api/strategies/{id}/cancel</c> with <c>{ "reason": "…" }</c>; <c>?force=true</c> terminates.</summary>
    public static async Task<Results<Accepted<Accepted>, ProblemHttpResult, ValidationProblem>> CancelAsync(
        string id, HttpRequest request, DurableTaskClient client, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        var body = await JsonBody.ReadAsync<CancelRequest>(request, MaxCancelBytes, optional: true, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var reason = body.Value?.Reason?.Trim() ?? "";
        if (reason.Length > MaxReasonLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"At most {MaxReasonLength} characters."] });
        }

        var status = await StrategyState.ReadAsync(client, id, cancellationToken);
        if (status is null)
        {
            return Problems.NotFound(id);
        }

        if (status.Status != StrategyStatuses.Running)
        {
            return Problems.Conflict("The strategy has already ended.", $"Strategy '{id}' is {status.Status}.");
        }

        var force = string.Equals(request.Query["force"], "true", StringComparison.OrdinalIgnoreCase);
        if (force)
        {
            await client.TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = reason, Recursive = true }, cancellationToken);

            // Not every backend honours Recursive (the local gRPC sidecar does not): end the running stage too.
            if (status.Stage is { Number: >= 1 and <= 4 } stage)
            {
                var stageId = InstanceIds.Stage(id, (StageKey)stage.Number);
                var child = await client.GetInstanceAsync(stageId, cancellationToken);
                if (child is { IsRunning: true })
                {
                    await client.TerminateInstanceAsync(stageId, new TerminateInstanceOptions { Output = reason }, cancellationToken);
                }
            }
        }
        else
        {
            await client.RaiseEventAsync(id, WorkflowEvents.CancelRequested, new CancelRequested(reason, time.GetUtcNow()), cancellationToken);
        }

        var statusUri = $"/api/strategies/{id}";
        return TypedResults.Accepted(statusUri, new Accepted(id, force ? "terminate" : "cancel", statusUri));
    }

    /// <summary>
    /// <c>POST /api/strategies/{id}/reminders</c>: remind everyone pending in the current stage now; when mail
    /// or storage has been failing, also retry the delayed delivery now instead of at its next attempt.
    /// </summary>
    public static async Task<Results<Accepted<Accepted>, ProblemHttpResult>> RemindAsync(
        string id, DurableTaskClient client, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        var status = await StrategyState.ReadAsync(client, id, cancellationToken);
        if (status is null)
        {
            return Problems.NotFound(id);
        }

        // While a stage runs, its orchestration listens; while the strategy archives, the strategy's own does.
        var listener = status switch
        {
            { Status: StrategyStatuses.Running, Stage.Phase: StagePhase.CollectingInput or StagePhase.AwaitingApproval } => InstanceIds.Stage(id, (StageKey)status.Stage.Number),
            { Status: StrategyStatuses.Running, Stage.Phase: StagePhase.Archiving, Delivery: not null } => id,
            _ => null,
        };
        if (listener is null)
        {
            return Problems.Conflict("Nobody is pending.", $"Strategy '{id}' is not waiting for answers, decisions or a delayed delivery.");
        }

        await client.RaiseEventAsync(listener, WorkflowEvents.RemindersRequested, new RemindersRequested(time.GetUtcNow()), cancellationToken);
        var statusUri = $"/api/strategies/{id}";
        return TypedResults.Accepted(statusUri, new Accepted(id, "remind", statusUri));
    }

    /// <summary>
    /// <c>GET /api/strategies/{id}/timeline</c>: every invitation, reminder, answer, decision, escalation and archive
    /// step with its time, from the workflow's own records (the same reading as the owner's progress page).
    /// </summary>
    public static async Task<Results<Ok<Timeline>, ProblemHttpResult>> TimelineAsync(
        string id, DurableTaskClient client, StrategyRepository repository, CancellationToken cancellationToken)
    {
        var record = await StrategyTimeline.ReadAsync(client, repository, id, withEvents: true, cancellationToken);
        return record is null ? Problems.NotFound(id) : TypedResults.Ok(new Timeline(id, record.Status.Status, record.Events));
    }

    /// <summary>
    /// <c>DELETE /api/strategies/{id}/reader-access</c>: every reader link of this run of the strategy stops working, for
    /// good (the owner's progress link and the form links are not affected; ops keep the document route). Idempotent.
    /// </summary>
    public static async Task<Results<Ok<ReaderAccessChange>, ProblemHttpResult>> RevokeReaderAccessAsync(
        string id, DurableTaskClient client, StrategyRepository repository, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(time);
        var instance = InstanceIds.IsStage(id) ? null : await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (StrategyState.Read<StrategyDefinition>(instance?.SerializedInput) is not { } definition)
        {
            return Problems.NotFound(id);
        }

        await repository.RevokeReaderAccessAsync(id, definition.Header.Run ?? "", time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new ReaderAccessChange(id, "revoked"));
    }

    /// <summary><c>GET /api/strategies/{id}/document?format=html|md|json</c>: the archived strategy.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> DocumentAsync(
        string id, HttpRequest request, StrategyRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(repository);
        if (!DocumentRenderer.TryParseFormat(request.Query["format"].FirstOrDefault() ?? "html", out var format))
        {
            return Problems.BadRequest("Use format=html, md or json.");
        }

        if (!StartStrategyValidator.IdPattern().IsMatch(id))
        {
            return Problems.NotFound(id);
        }

        var content = await repository.ReadArchiveAsync(StrategyRepository.DocumentName(id, format), cancellationToken);
        if (content is null)
        {
            return TypedResults.Problem($"Strategy '{id}' has no archived document (yet).", statusCode: StatusCodes.Status404NotFound, title: "Document not found.");
        }

        return DocumentDownload.Result(request.HttpContext.Response, id, format, content);
    }

    private static ProblemHttpResult ExistsConflict(string id)
    {
        var links = Links(id);
        var problem = TypedResults.Problem(
            $"A strategy with id '{id}' already exists: see {links.StatusUri}. Starting it again does not create a second run.",
            statusCode: StatusCodes.Status409Conflict,
            title: "The strategy already exists.",
            extensions: new Dictionary<string, object?> { ["statusUri"] = links.StatusUri });
        return problem;
    }

    private static StrategyStarted Links(string id) => new(
        id, StrategyStatuses.Running, $"/api/strategies/{id}", $"/api/strategies/{id}/cancel", $"/api/strategies/{id}/document");

    private static DateTimeOffset? Time(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        if (!query.TryGetValue(name, out var value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        errors[name] = ["Use an ISO 8601 date and time, e.g. 2027-01-31T00:00:00Z."];
        return null;
    }

    private static IEnumerable<OrchestrationRuntimeStatus>? RuntimeStatuses(IReadOnlyList<string> wanted)
    {
        if (wanted.Count == 0)
        {
            return null;
        }

        var statuses = new HashSet<OrchestrationRuntimeStatus>();
        foreach (var status in wanted)
        {
            switch (status)
            {
                case StrategyStatuses.Running:
                    statuses.UnionWith([OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended]);
                    break;
                case StrategyStatuses.Failed:
                    statuses.Add(OrchestrationRuntimeStatus.Failed);
                    break;
                case StrategyStatuses.Cancelled:
                    statuses.UnionWith([OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Terminated]);
                    break;
                default:
                    statuses.Add(OrchestrationRuntimeStatus.Completed);
                    break;
            }
        }

        return statuses;
    }
}
