using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using StrategyFlow.Bench.Results;

namespace StrategyFlow.Bench.Driving;

/// <summary>
/// Takes one strategy through all four stages as its people would: each stakeholder opens the link in
/// their invitation and posts an answer; the approver opens the review link and approves, or asks for
/// changes once in the stages <see cref="SendsBack"/> picks (10 %, the same ones on every run).
/// </summary>
public sealed partial class StrategyDriver(HttpClient http, string opsKey, Mailbox mailbox, Measurements measurements, int stakeholders, TimeSpan timeout)
{
    static readonly string[] Stages = ["goals", "audiences", "activities", "ownership"];
    static readonly TimeSpan EarlyLinkGrace = TimeSpan.FromSeconds(10);

    /// <summary>Stages of every strategy.</summary>
    public static int StageCount => Stages.Length;

    /// <summary>Strategy <paramref name="index"/>'s stage <paramref name="stage"/> gets one send-back round: every 10th (strategy, stage) pair.</summary>
    public static bool SendsBack(int index, int stage) => (index * Stages.Length + stage) % 10 == 3;

    public async Task RunAsync(string id, int index)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var inbox = new Inbox(mailbox.InboxOf(id), deadline.Token, id);
        var owner = $"owner-{index}@bench.example";
        measurements.Started();
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
                    var invitations = await inbox.TakeAsync(m => m.Stage == slug && m.Round == round && m.Kind == kind, stakeholders);
                    if (approvedAt is { } approval)
                    {
                        measurements.ApprovalToInvitations(invitations.Max(m => m.SentAt) - approval);
                        approvedAt = null;
                    }

                    var lastSubmission = DateTimeOffset.MinValue;
                    foreach (var invitation in invitations)
                    {
                        lastSubmission = await OpenAndPostAsync(invitation, FormAnswers.Answer(slug, "submit", owner), deadline.Token);
                    }
                    var review = (await inbox.TakeAsync(m => m.Stage == slug && m.Round == round && m.Kind == "ReviewRequest", 1))[0];
                    measurements.SubmissionToNextEmail(review.SentAt - lastSubmission);

                    var sendBack = round == 1 && SendsBack(index, stage);
                    var decidedAt = await OpenAndPostAsync(review, FormAnswers.Answer(slug, sendBack ? "requestChanges" : "approve", owner), deadline.Token);
                    if (!sendBack)
                    {
                        approvedAt = decidedAt;
                        break;
                    }
                }
            }
            await inbox.TakeAsync(m => m.Kind == "Completed", 1);
            succeeded = true;
        }
        finally
        {
            measurements.Ended(succeeded);
        }
    }

    async Task StartAsync(string id, int index, string owner, CancellationToken cancellationToken)
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
        while (true)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/strategies") { Content = JsonContent.Create(request) };
            message.Headers.Add("x-functions-key", opsKey);
            using var response = await http.SendAsync(message, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return;
            }
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                throw new InvalidOperationException($"Starting {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); // Retry-After: 1
        }
    }

    /// <summary>GET the form like a browser, then POST it; returns when the POST was sent.</summary>
    async Task<DateTimeOffset> OpenAndPostAsync(MailItem mail, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var link = mail.Links.Single(l => l.Contains("/api/forms/", StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        var firstTry = Stopwatch.StartNew();
        string form;
        while (true)
        {
            clock.Restart();
            using var page = await http.GetAsync(link, cancellationToken);
            // On Azure Storage the mail can arrive before the stage's instance row carries its input: the
            // link then reads as invalid for a moment. Counted, and asked again like a user pressing reload.
            if (page.StatusCode == HttpStatusCode.Forbidden && firstTry.Elapsed < EarlyLinkGrace)
            {
                measurements.EarlyLinkRejection();
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
                continue;
            }
            await EnsureOkAsync(page, "GET", mail, cancellationToken);
            form = await page.Content.ReadAsStringAsync(cancellationToken);
            break;
        }
        measurements.FormGet(clock.Elapsed);

        // A browser posts the page's hidden fields too: the review page's draftBase is the draft the approver saw.
        var hidden = HiddenField().Matches(form)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .Where(h => fields.All(f => f.Key != h.Key));
        var sentAt = DateTimeOffset.UtcNow;
        clock.Restart();
        using var content = new FormUrlEncodedContent([.. hidden, .. fields]);
        using var answer = await http.PostAsync(link, content, cancellationToken);
        await EnsureOkAsync(answer, "POST", mail, cancellationToken);
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

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenField();

    [GeneratedRegex("data-notice=\"(?<kind>[A-Za-z]+)\"")]
    private static partial Regex Notice();

    static async Task EnsureOkAsync(HttpResponseMessage response, string method, MailItem mail, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(
                $"{method} of {mail.Kind} form ({mail.Strategy} {mail.Stage} round {mail.Round}) answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        }
    }

    /// <summary>The strategy's mail as it arrives; each message is taken once.</summary>
    sealed class Inbox(ChannelReader<MailItem> reader, CancellationToken cancellationToken, string strategy)
    {
        readonly List<MailItem> pending = [];

        public async Task<IReadOnlyList<MailItem>> TakeAsync(Func<MailItem, bool> match, int count)
        {
            while (true)
            {
                var found = pending.Where(match).Take(count).ToList();
                if (found.Count == count)
                {
                    pending.RemoveAll(found.Contains);
                    return found;
                }
                try
                {
                    pending.Add(await reader.ReadAsync(cancellationToken));
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException(
                        $"{strategy}: timed out waiting for {count} mail(s); unmatched so far: {string.Join(", ", pending.Select(m => $"{m.Kind}/{m.Stage}/{m.Round}"))}");
                }
            }
        }
    }
}
