using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using StrategyFlow.Core.Documents;
using StrategyFlow.Workflow.Configuration;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Status;
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

    /// <summary>
    /// How long an unreleased start claim keeps its id from other starts when no run appeared: far longer
    /// than a start takes (a blob write, a queue message, a table insert: milliseconds), short enough that a
    /// client retrying a start the host died in the middle of gets through within seconds.
    /// </summary>
    public static readonly TimeSpan StartClaimLifetime = TimeSpan.FromSeconds(20);

    /// <summary>What happened when: the strategy's status and its events, oldest first.</summary>
    public sealed record Timeline(string Id, string Status, IReadOnlyList<TimelineEvent> Events);

    public sealed record ReaderAccessChange(string Id, string ReaderAccess);

    /// <summary><c>POST /api/strategies</c>: validates everything, then starts the run once per id.</summary>
    public static async Task<Results<Accepted<StrategyStarted>, ValidationProblem, ProblemHttpResult>> StartAsync(
        HttpRequest request, DurableTaskClient client, StrategyRepository repository, TimeProvider time, IOptions<StrategyFlowOptions> options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(repository);
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
        var claim = await ClaimStartAsync(definition.Id, client, repository, time, cancellationToken);
        if (claim is null)
        {
            return ExistsConflict(definition.Id);
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(StrategyOrchestrator), new StrategyRun(definition), new StartOrchestrationOptions(definition.Id), cancellationToken);
        }
        catch
        {
            // The client is told the start failed: free the id now rather than when the claim expires.
            await repository.TryClaimStartAsync(
                definition.Id, new StartClaim(claim.Number + 1, claim.Claimant, time.GetUtcNow(), Released: true), CancellationToken.None);
            throw;
        }

        // An id names one run for good: its mail, answers and archive are kept under it, even after a purge.
        await repository.TryClaimStartAsync(
            definition.Id, new StartClaim(claim.Number + 1, claim.Claimant, time.GetUtcNow()) { Started = true }, CancellationToken.None);
        var links = Links(definition.Id);
        return TypedResults.Accepted(links.StatusUri, links with { Status = StrategyStatuses.Running });
    }

    /// <summary>
    /// The one right to start this id, or null when a run exists or another request holds the right.
    /// Neither backend can decide this atomically: the Azure Storage backend (under the local sidecar and
    /// under Durable Functions alike) checks for an instance, enqueues the start, then inserts the status
    /// row and ignores losing that insert, so every concurrent start of a new id "succeeds"; its id-reuse
    /// policy is the same check. A write-once blob (<c>If-None-Match: *</c>) in the app's own storage is
    /// atomic on both hosts: of concurrent claims on one number exactly one is written.
    /// </summary>
    private static async Task<StartClaim?> ClaimStartAsync(
        string id, DurableTaskClient client, StrategyRepository repository, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(id, cancellationToken) is not null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var latest = await repository.LatestStartClaimAsync(id, cancellationToken);
        if (latest is { Started: true } || (latest is { Released: false } && now - latest.ClaimedAt < StartClaimLifetime))
        {
            return null; // started before (and purged since), or being started by another request now
        }

        // No claim yet, a released one, or one whose holder never started a run: the next number decides.
        var claim = new StartClaim((latest?.Number ?? -1) + 1, Guid.NewGuid().ToString("n"), now);
        return await repository.TryClaimStartAsync(id, claim, cancellationToken) ? claim : null;
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
        HttpRequest request, DurableTaskClient client, ContinuationTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tokens);
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

        // A token continues the list it came from: the same filters (the page size may change).
        var filters = string.Join(
            '|',
            string.Join(',', wanted.Distinct().Order(StringComparer.Ordinal)),
            createdFrom?.ToString("O", CultureInfo.InvariantCulture),
            createdTo?.ToString("O", CultureInfo.InvariantCulture));
        string? continuation = null;
        if (query["continuationToken"].FirstOrDefault() is { Length: > 0 } token && !tokens.TryOpen(token, filters, out continuation))
        {
            errors["continuationToken"] = ["Not a continuation token of this list: pass the one the previous page returned, with the same filters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        // The instance's creation time moves to each stage's start when the strategy continues as new, so it is never
        // earlier than the strategy's start: the query narrows by createdFrom, and both bounds are applied to the start.
        var filter = new OrchestrationQuery
        {
            CreatedFrom = createdFrom,
            Statuses = RuntimeStatuses(wanted),
            PageSize = pageSize,
            FetchInputsAndOutputs = true,
        };
        await foreach (var page in client.GetAllInstancesAsync(filter).AsPages(continuation, pageSize).WithCancellation(cancellationToken))
        {
            bool Wanted(StrategyStatusView s) =>
                (wanted.Count == 0 || wanted.Contains(s.Status, StringComparer.Ordinal))
                && (createdFrom is not { } from || s.CreatedAt >= from)
                && (createdTo is not { } to || s.CreatedAt <= to);
            return TypedResults.Ok(new StrategyPage(
                page.Values.Select(StrategyState.View).Where(Wanted).ToList(),
                page.ContinuationToken is { } next ? tokens.Seal(next, filters) : null));
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
        var reasonProblem = reason.Length > MaxReasonLength ? $"At most {MaxReasonLength} characters."
            : !PlainText.IsPlain(reason) ? StartStrategyValidator.PlainTextRule
            : null;
        if (reasonProblem is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [reasonProblem] });
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
        if (!force && status.Stage?.Phase is StagePhase.Archiving or StagePhase.Done)
        {
            // The workflow no longer listens for a cancel once the outcome is being archived.
            return Problems.Conflict("The strategy can no longer be cancelled.", $"Strategy '{id}' is archiving its outcome; it ends on its own.");
        }

        if (force)
        {
            await client.TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = reason }, cancellationToken);
        }
        else
        {
            await client.RaiseEventAsync(id, WorkflowEvents.CancelRequested, new CancelRequested(reason, time.GetUtcNow()), cancellationToken);
        }

        var statusUri = Routes.StrategyPath(id);
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

        // A running stage listens (its status has a round), and so does a delayed archive; while an archive is
        // simply being written nobody would hear it.
        if (status is not { Status: StrategyStatuses.Running }
            || status.Stage is not ({ Phase: StagePhase.CollectingInput or StagePhase.AwaitingApproval, Round: >= 1 } or { Phase: StagePhase.Archiving } ) 
            || status is { Stage.Phase: StagePhase.Archiving, Delivery: null })
        {
            return Problems.Conflict("Nobody is pending.", $"Strategy '{id}' is not waiting for answers, decisions or a delayed delivery.");
        }

        await client.RaiseEventAsync(id, WorkflowEvents.RemindersRequested, new RemindersRequested(time.GetUtcNow()), cancellationToken);
        var statusUri = Routes.StrategyPath(id);
        return TypedResults.Accepted(statusUri, new Accepted(id, "remind", statusUri));
    }

    /// <summary>
    /// <c>GET /api/strategies/{id}/timeline</c>: every invitation, reminder, answer, decision, escalation and archive
    /// step with its time, from the workflow's own records (the same reading as the owner's progress page).
    /// </summary>
    public static async Task<Results<Ok<Timeline>, ProblemHttpResult>> TimelineAsync(
        string id, DurableTaskClient client, StrategyRepository repository, CancellationToken cancellationToken)
    {
        return await StrategyTimeline.ReadEventsAsync(client, repository, id, cancellationToken) is { } timeline
            ? TypedResults.Ok(new Timeline(id, timeline.Status.Status, timeline.Events))
            : Problems.NotFound(id);
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
        var instance = StartStrategyValidator.IdPattern().IsMatch(id) ? await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken) : null;
        if (StrategyState.Read<StrategyRun>(instance?.SerializedInput)?.Definition is not { } definition)
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
            $"A strategy with id '{id}' already exists or is being started: see {links.StatusUri}. Starting it again does not create a second run.",
            statusCode: StatusCodes.Status409Conflict,
            title: "The strategy already exists.",
            extensions: new Dictionary<string, object?> { ["statusUri"] = links.StatusUri });
        return problem;
    }

    private static StrategyStarted Links(string id) => new(
        id, StrategyStatuses.Running, Routes.StrategyPath(id), Routes.CancelPath(id), Routes.DocumentPath(id));

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
