using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using StrategyFlow.Bench.Results;

namespace StrategyFlow.Bench.Driving;

/// <summary>
/// Takes one strategy through all four stages as its people would: each stakeholder opens the link in
/// their invitation and posts an answer; the approver opens the review link and approves, or asks for
/// changes once in the stages <see cref="SendsBack"/> picks (10 %, the same ones on every run).
/// Without <paramref name="think"/> everyone acts at once and the stakeholders one after another (the
/// closed-loop burst); with it each person waits a think time first and the stakeholders act concurrently.
/// With <paramref name="hostMayRestart"/> a request the host did not answer is made again a second later, as a
/// person reloads a page, instead of failing the strategy.
/// </summary>
public sealed partial class StrategyDriver(
    HttpClient http, string opsKey, Mailbox mailbox, Measurements measurements, int stakeholders, TimeSpan timeout,
    ThinkTime? think = null, bool hostMayRestart = false)
{
    private static readonly string[] Stages = ["goals", "audiences", "activities", "ownership"];
    private static readonly TimeSpan EarlyLinkGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After a kill the early link can last longer: the episode that commits the stage's state is retried only
    /// once its control-queue message shows again (the local host hides it for 20 s), while the mail it had
    /// enqueued may already be out.
    /// </summary>
    private static readonly TimeSpan EarlyLinkGraceAfterRestart = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StartClaimRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Stages of every strategy.</summary>
    public static int StageCount => Stages.Length;

    /// <summary>Strategy <paramref name="index"/>'s stage <paramref name="stage"/> gets one send-back round: every 10th (strategy, stage) pair.</summary>
    public static bool SendsBack(int index, int stage) => (index * Stages.Length + stage) % 10 == 3;

    public async Task RunAsync(string id, int index)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var inbox = new Inbox(mailbox.InboxOf(id), measurements, deadline.Token, id);
        var owner = $"owner-{index}@bench.example";
        var thinking = think?.For(index);
        var started = measurements.Started();
        var succeeded = false;
        try
        {
            await StartAsync(id, index, owner, deadline.Token);
            DateTimeOffset? approvedAt = null;
            for (var stage = 0; stage < Stages.Length; stage++)
            {
                var slug = Stages[stage];
                for (var round = 1; ; round++)
                {
                    var kind = round == 1 ? "Invitation" : "SentBack";
                    var invitations = await inbox.TakeAsync(m => m.Stage == slug && m.Round == round && m.Kind == kind, stakeholders, $"{kind}/{slug}/{round}");
                    if (approvedAt is { } approval)
                    {
                        measurements.ApprovalToInvitations(invitations.Max(m => m.SentAt) - approval);
                        approvedAt = null;
                    }

                    var answer = FormAnswers.Answer(slug, "submit", owner);
                    DateTimeOffset lastSubmission;
                    if (thinking is null)
                    {
                        lastSubmission = DateTimeOffset.MinValue;
                        foreach (var invitation in invitations)
                        {
                            lastSubmission = await OpenAndPostAsync(invitation, answer, deadline.Token);
                        }
                    }
                    else
                    {
                        // Drawn before anyone acts, in a fixed order: the same seed gives the same person the same delay.
                        var delays = invitations.Select(_ => thinking()).ToList();
                        var posted = await Task.WhenAll(invitations.Select(async (invitation, k) =>
                        {
                            await Task.Delay(delays[k], deadline.Token);
                            return await OpenAndPostAsync(invitation, answer, deadline.Token);
                        }));
                        lastSubmission = posted.Max();
                    }
                    var review = (await inbox.TakeAsync(m => m.Stage == slug && m.Round == round && m.Kind == "ReviewRequest", 1, $"ReviewRequest/{slug}/{round}"))[0];
                    measurements.SubmissionToNextEmail(lastSubmission, review.SentAt);

                    if (thinking is not null)
                    {
                        await Task.Delay(thinking(), deadline.Token);
                    }
                    var sendBack = round == 1 && SendsBack(index, stage);
                    var decidedAt = await OpenAndPostAsync(review, FormAnswers.Answer(slug, sendBack ? "requestChanges" : "approve", owner), deadline.Token);
                    if (!sendBack)
                    {
                        approvedAt = decidedAt;
                        break;
                    }
                }
            }
            await inbox.TakeAsync(m => m.Kind == "Completed", 1, "Completed");
            succeeded = true;
        }
        finally
        {
            measurements.Ended(started, succeeded);
        }
    }

    private async Task StartAsync(string id, int index, string owner, CancellationToken cancellationToken)
    {
        var request = new
        {
            id,
            organization = $"Bench Oy {index}",
            title = "Sosiaalisen median strategia 2027",
            language = "fi",
            owner = new { name = "Olli Omistaja", email = owner },
            businessGoals = new[] { FormAnswers.BusinessGoal, "Vahvistaa työnantajakuvaa" },
            stakeholders = Enumerable.Range(1, stakeholders).Select(k => new { name = $"Sidosryhmä {k}", email = $"s{k}-{index}@bench.example" }),
            approvers = new[] { new { name = "Hyväksyjä", email = $"approver-{index}@bench.example" } },
            policy = "any",
            // Windows far beyond the run: no reminder or deadline fires, every round closes by answers.
            timing = new { responseWindow = "PT2H", reminderInterval = "PT1H", maxReminders = 1, approvalWindow = "PT2H" },
        };
        var retried = false;
        while (true)
        {
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/strategies")
            {
                Content = JsonContent.Create(request),
                Headers = { { "x-functions-key", opsKey } },
            }, cancellationToken);
            if (response is null)
            {
                retried = true;
                continue;
            }
            if (response.StatusCode == HttpStatusCode.Accepted || (retried && response.StatusCode == HttpStatusCode.Conflict && await ExistsAsync(id, cancellationToken)))
            {
                if (retried)
                {
                    measurements.StartTakenAfterRetry();
                }
                return;
            }
            if (retried && response.StatusCode == HttpStatusCode.Conflict)
            {
                // The dead host had claimed the id and not started it: the claim bars a new start until it
                // lapses (two minutes). An operator would look at the status and try again meanwhile.
                measurements.Retry();
                await Task.Delay(StartClaimRetryDelay, cancellationToken);
                continue;
            }
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                throw new InvalidOperationException($"Starting {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
            await Task.Delay(RetryDelay, cancellationToken); // Retry-After: 1
        }
    }

    /// <summary>Whether the strategy's run exists (the ops API's status answers 200).</summary>
    private async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken)
    {
        using var status = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"/api/strategies/{Uri.EscapeDataString(id)}")
        {
            Headers = { { "x-functions-key", opsKey } },
        }, cancellationToken);
        return status?.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>
    /// Sends a request; null when the host did not answer and may be restarting (the caller tries again, after
    /// <see cref="RetryDelay"/>, as a person reloads). Otherwise a failure to connect fails the strategy.
    /// </summary>
    private async Task<HttpResponseMessage?> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        using var message = request();
        try
        {
            return await http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException) when (hostMayRestart)
        {
            measurements.Retry();
            await Task.Delay(RetryDelay, cancellationToken);
            return null;
        }
    }

    /// <summary>
    /// GET the form like a browser, then POST it; returns when the POST that counted was sent. When the host
    /// went away during a post, the person opens the link again: a page saying the round closed or the
    /// decision is recorded means the lost post was taken.
    /// </summary>
    private async Task<DateTimeOffset> OpenAndPostAsync(MailItem mail, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        // What last went wrong with a request that is being made again: said when the strategy times out.
        var lastProblem = new StrongBox<string?>();
        try
        {
            return await OpenAndPostOnceTakenAsync(mail, fields, lastProblem, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{mail.Kind} form ({mail.Strategy} {mail.Stage} round {mail.Round}): not taken by the deadline; last: {lastProblem.Value ?? "none"}.");
        }
    }

    private async Task<DateTimeOffset> OpenAndPostOnceTakenAsync(
        MailItem mail, IReadOnlyList<KeyValuePair<string, string>> fields, StrongBox<string?> lastProblem, CancellationToken cancellationToken)
    {
        var link = mail.Links.Single(l => l.Contains("/api/forms/", StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        var firstTry = Stopwatch.StartNew();
        var grace = hostMayRestart ? EarlyLinkGraceAfterRestart : EarlyLinkGrace;
        DateTimeOffset? lostPost = null;
        while (true)
        {
            clock.Restart();
            using var page = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, link), cancellationToken);
            if (page is null || (hostMayRestart && page.StatusCode == HttpStatusCode.ServiceUnavailable))
            {
                lastProblem.Value = page is null ? "GET: no answer" : "GET: 503";
                await RetryAfterUnavailableAsync(page, cancellationToken);
                continue;
            }
            // On Azure Storage the mail can arrive before the stage's instance row carries its input: the
            // link then reads as invalid for a moment. Counted, and asked again like a user pressing reload.
            if (page.StatusCode == HttpStatusCode.Forbidden && firstTry.Elapsed < grace)
            {
                lastProblem.Value = "GET: 403 (link not valid yet)";
                measurements.EarlyLinkRejection();
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
                continue;
            }
            var form = await page.Content.ReadAsStringAsync(cancellationToken);
            if (lostPost is { } taken && Notice().Match(form).Groups["kind"].Value is "RoundClosed" or "DecisionRecorded")
            {
                return taken;
            }
            await EnsureAsync(page, [HttpStatusCode.OK], "GET", mail, cancellationToken);
            measurements.FormGet(clock.Elapsed);

            // A browser posts the page's hidden fields too: the review page's draftBase is the draft the approver saw.
            var hidden = HiddenField().Matches(form)
                .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
                .Where(h => fields.All(f => f.Key != h.Key));
            var sentAt = DateTimeOffset.UtcNow;
            clock.Restart();
            using var answer = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, link) { Content = new FormUrlEncodedContent([.. hidden, .. fields]) }, cancellationToken);
            if (answer is null || (hostMayRestart && answer.StatusCode == HttpStatusCode.ServiceUnavailable))
            {
                lastProblem.Value = answer is null ? "POST: no answer" : "POST: 503";
                lostPost ??= sentAt;
                await RetryAfterUnavailableAsync(answer, cancellationToken);
                continue;
            }
            // 202 is the pending notice: stored and raised, not yet shown counted within the host's patience.
            await EnsureAsync(answer, [HttpStatusCode.OK, HttpStatusCode.Accepted], "POST", mail, cancellationToken);
            measurements.FormPost(clock.Elapsed);

            // The form shown again, or any other notice, means the post was not taken: the run would only stall.
            var notice = Notice().Match(await answer.Content.ReadAsStringAsync(cancellationToken)).Groups["kind"].Value;
            if (notice is not ("AnswerReceived" or "AnswerPending" or "DecisionRecorded" or "DecisionPending"))
            {
                throw new InvalidOperationException(
                    $"POST of {mail.Kind} form ({mail.Strategy} {mail.Stage} round {mail.Round}) was not taken: {(notice.Length > 0 ? $"notice {notice}" : "the form came back")}.");
            }
            return sentAt;
        }
    }

    /// <summary>A 503 while the host restarts: counted, and asked again a second later (a lost connection already waited).</summary>
    private async Task RetryAfterUnavailableAsync(HttpResponseMessage? response, CancellationToken cancellationToken)
    {
        if (response is not null)
        {
            measurements.Retry();
            await Task.Delay(RetryDelay, cancellationToken);
        }
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenField();

    [GeneratedRegex("data-notice=\"(?<kind>[A-Za-z]+)\"")]
    private static partial Regex Notice();

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode[] expected, string method, MailItem mail, CancellationToken cancellationToken)
    {
        if (!expected.Contains(response.StatusCode))
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(
                $"{method} of {mail.Kind} form ({mail.Strategy} {mail.Stage} round {mail.Round}) answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        }
    }

    /// <summary>The strategy's mail as it arrives; each message is taken once.</summary>
    private sealed class Inbox(ChannelReader<MailItem> reader, Measurements measurements, CancellationToken cancellationToken, string strategy)
    {
        private readonly List<MailItem> _pending = [];

        public async Task<IReadOnlyList<MailItem>> TakeAsync(Func<MailItem, bool> match, int count, string what)
        {
            var since = DateTimeOffset.UtcNow;
            while (true)
            {
                var found = _pending.Where(match).Take(count).ToList();
                if (found.Count == count)
                {
                    _pending.RemoveAll(found.Contains);
                    measurements.MailWaited(since, found.Max(m => m.SentAt));
                    return found;
                }
                try
                {
                    _pending.Add(await reader.ReadAsync(cancellationToken));
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException(
                        $"{strategy}: timed out waiting for {count} mail(s) {what}; unmatched so far: {string.Join(", ", _pending.Select(m => $"{m.Kind}/{m.Stage}/{m.Round}"))}");
                }
            }
        }
    }
}
