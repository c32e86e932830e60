using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Status;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// The read-only pages of a whole strategy: the reader page (what has been approved, and the archived documents to
/// download) and the owner's progress page (the four stages as a timeline, the current round, decisions, delivery
/// problems and every event with its time). Neither has a form.
/// </summary>
public static class StrategyPages
{
    /// <summary>Internal names of what a delivery problem holds up, as people read them.</summary>
    private static readonly Dictionary<string, LocalizedText> Deliveries = new(StringComparer.Ordinal)
    {
        ["invitations"] = new("kutsut", "invitations"),
        ["reminders"] = new("muistutukset", "reminders"),
        ["review requests"] = new("arviointipyynnöt", "review requests"),
        ["review reminders"] = new("arviointimuistutukset", "review reminders"),
        ["approval requests"] = new("pyynnöt hyväksyä muuttunut luonnos", "requests to approve a changed draft"),
        ["escalation"] = new("ilmoitus viivästyneestä hyväksynnästä", "the notice of a late approval"),
        ["notice to the owner"] = new("ilmoitus omistajalle", "a notice to the owner"),
        ["stage approval"] = new("vaiheen hyväksynnän tallennus", "saving the stage's approval"),
        ["archive"] = new("strategian arkistointi", "archiving the strategy"),
    };

    public static HtmlResult Reader(ReaderPageModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var record = m.Record;
        var header = record.Definition.Header;
        var language = header.Language;
        var main = Intro(header, PageText.ReaderEyebrow.In(language), m.PersonName);
        Outcome(main, record, language);
        if (record.Archived is not null)
        {
            main.Open("section", ("class", "card"), ("id", "downloads"), ("aria-labelledby", "h-downloads"))
                .Element("h2", PageText.DownloadTitle.In(language), ("id", "h-downloads"))
                .Open("ul", ("class", "downloads"));
            foreach (var (format, label) in new[] { ("html", PageText.DownloadHtml), ("md", PageText.DownloadMarkdown), ("json", PageText.DownloadJson) })
            {
                main.Open("li").Element("a", label.In(language), ("href", Routes.FormDocumentPath(m.Self, format))).Close("li");
            }

            main.Close("ul").Element("p", PageText.DownloadHint.In(language), ("class", "meta")).Close("section");
        }

        main.Open("section", ("class", "card"), ("id", "about"), ("aria-labelledby", "h-about"))
            .Element("h2", PageText.AboutStrategy.In(language), ("id", "h-about"))
            .Open("dl", ("class", "pairs"))
            .Element("dt", PageText.Owner.In(language)).Element("dd", header.Owner.Name)
            .Element("dt", PageText.StartedAt.In(language)).Open("dd");
        Time(main, header.CreatedAt, language);
        main.Close("dd").Close("dl")
            .Element("h3", PageText.BusinessGoals.In(language))
            .Open("ul");
        foreach (var goal in header.BusinessGoals)
        {
            main.Element("li", goal);
        }

        main.Close("ul").Close("section");
        var context = new StrategyContext { BusinessGoals = header.BusinessGoals };
        foreach (var stage in InnerCycle.Stages)
        {
            var id = $"stage-{stage.Number}";
            main.Open("section", ("class", "card"), ("id", id), ("aria-labelledby", id + "-h"))
                .Element("p", PageText.StageOf.Format(language, stage.Number), ("class", "eyebrow"))
                .Element("h2", stage.Title.In(language), ("id", id + "-h"));
            if (record.Approved.FirstOrDefault(a => a.Stage == stage.Key) is { } approved)
            {
                main.Open("p", ("class", "meta"));
                FormPages.WithTime(main, PageText.ApprovedOnBy, language, approved.ApprovedAt, approved.Round.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    string.Join(", ", approved.ApprovedBy.Select(record.NameOf)));
                main.Close("p");
                AnswerView.Content(main, stage, approved.Content, context, language);
            }
            else
            {
                main.Element("p", (record.Outcome == StrategyStatuses.Running ? PageText.NotApprovedYet : PageText.NotApprovedEnded).In(language), ("class", "empty"));
            }

            main.Close("section");
        }

        main.Element("p", PageText.ReadOnlyNote.In(language), ("class", "meta"));
        return new HtmlResult(200, PageLayout.Document(PageLayout.Lang(language), header.Title, header.Organization, header.Title, main));
    }

    public static HtmlResult Progress(ProgressPageModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var record = m.Record;
        var status = record.Status;
        var header = record.Definition.Header;
        var language = header.Language;
        var main = Intro(header, PageText.ProgressEyebrow.In(language), m.PersonName);
        Outcome(main, record, language);
        Stages(main, m, language);
        CurrentRound(main, record, language);
        Decisions(main, record, language);
        DeliveryProblems(main, status, record, language);
        Events(main, record, language);
        main.Element("p", PageText.ProgressNote.In(language), ("class", "meta"));
        return new HtmlResult(200, PageLayout.Document(
            PageLayout.Lang(language), $"{PageText.ProgressEyebrow.In(language)} – {header.Title}", header.Organization, header.Title, main));
    }

    private static HtmlBuilder Intro(StrategyHeader header, string eyebrow, string person) =>
        new HtmlBuilder()
            .Open("div", ("class", "intro"))
            .Element("p", eyebrow, ("class", "eyebrow"))
            .Element("h1", header.Title)
            .Element("p", PageText.Hello.Format(header.Language, person), ("class", "meta"))
            .Close("div");

    /// <summary>Where the strategy stands: still being worked on, complete, or ended early with the reason given.</summary>
    private static void Outcome(HtmlBuilder html, StrategyRecord record, Language language)
    {
        var (css, text) = record.Outcome switch
        {
            StrategyStatuses.Completed => ("callout ok", PageText.OutcomeCompleted.In(language)),
            StrategyStatuses.Rejected => ("callout error", PageText.OutcomeRejected.In(language)),
            StrategyStatuses.Cancelled => ("callout note", PageText.OutcomeCancelled.In(language)),
            StrategyStatuses.Failed => ("callout error", PageText.OutcomeFailed.In(language)),
            _ => ("callout note", PageText.OutcomeRunning.Format(language, record.Approved.Count)),
        };
        html.Open("section", ("class", css), ("id", "outcome"), ("aria-label", PageText.StatusTitle.In(language))).Element("p", text);
        if (record.Outcome is StrategyStatuses.Rejected or StrategyStatuses.Cancelled && !string.IsNullOrWhiteSpace(record.Reason))
        {
            html.Element("p", (record.Outcome == StrategyStatuses.Rejected ? PageText.ReasonGiven : PageText.ReasonCancelled).In(language), ("class", "label"))
                .Element("p", record.Reason, ("class", "quote"));
        }

        html.Close("section");
    }

    /// <summary>The four stages as a timeline: approved (with a link to read it), in progress, stopped, or still to come.</summary>
    private static void Stages(HtmlBuilder html, ProgressPageModel m, Language language)
    {
        var record = m.Record;
        var status = record.Status;
        var outcome = record.Outcome;
        var running = outcome == StrategyStatuses.Running;
        html.Open("section", ("class", "card"), ("id", "stages"), ("aria-labelledby", "h-stages"))
            .Element("h2", PageText.StagesTitle.In(language), ("id", "h-stages"))
            .Open("ol", ("class", "timeline"));
        var firstOpen = true;
        foreach (var stage in InnerCycle.Stages)
        {
            var approved = record.Approved.FirstOrDefault(a => a.Stage == stage.Key);
            var (state, badge) = approved is not null ? ("done", PageText.StepApproved)
                : firstOpen && running ? ("current", PageText.StepInProgress)
                : firstOpen && outcome == StrategyStatuses.Rejected ? ("stopped", PageText.StepRejected)
                : firstOpen && outcome is StrategyStatuses.Cancelled or StrategyStatuses.Failed ? ("stopped", PageText.StepCancelled)
                : ("waiting", PageText.StepWaiting);
            firstOpen &= approved is not null;
            html.Open("li", ("class", "step " + state))
                .Element("span", badge.In(language), ("class", "badge step-" + state))
                .Element("h3", $"{stage.Number}. {stage.Title.In(language)}");
            if (approved is not null)
            {
                html.Open("p");
                FormPages.WithTime(html, PageText.ApprovedOnBy, language, approved.ApprovedAt, approved.Round.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    string.Join(", ", approved.ApprovedBy.Select(record.NameOf)));
                html.Close("p")
                    .Open("p").Element("a", PageText.ReadApprovedStage.In(language), ("href", $"{m.ReaderHref}#stage-{stage.Number}")).Close("p");
            }
            else if (state == "current" && status.Stage is { Number: var number } current && number == stage.Number)
            {
                html.Element("p", (current.Phase == StagePhase.AwaitingApproval ? PageText.StepReviewing : PageText.StepCollecting).Format(language, current.Round));
            }

            html.Close("li");
        }

        html.Close("ol").Close("section");
    }

    /// <summary>The round under way: the deadline, who has answered (or approved) and who not yet, the reminders sent.</summary>
    private static void CurrentRound(HtmlBuilder html, StrategyRecord record, Language language)
    {
        if (record.Outcome != StrategyStatuses.Running || record.Status is not { Stage: { Phase: StagePhase.CollectingInput or StagePhase.AwaitingApproval, Round: > 0 } stage })
        {
            return;
        }

        var collecting = stage.Phase == StagePhase.CollectingInput;
        html.Open("section", ("class", "card"), ("id", "current-round"), ("aria-labelledby", "h-current"))
            .Element("h2", $"{PageText.StageOf.Format(language, stage.Number)} · {PageText.Round.Format(language, stage.Round)}", ("id", "h-current"));
        if (stage.Deadline is { } deadline)
        {
            html.Open("p");
            FormPages.WithTime(html, collecting ? PageText.RoundCollecting : PageText.RoundReviewing, language, deadline);
            html.Close("p");
        }

        if (stage.Escalated)
        {
            html.Element("p", PageText.RoundEscalated.In(language), ("class", "field-error"));
        }

        html.Open("div", ("class", "columns"));
        People(html, (collecting ? PageText.Answered : PageText.ApprovedSoFar).In(language), stage.Answered, record, language);
        People(html, (collecting ? PageText.StillToAnswer : PageText.StillToDecide).In(language), stage.Pending, record, language);
        html.Close("div")
            .Element("p", PageText.RemindersSent.Format(language, stage.RemindersSent), ("class", "meta"))
            .Close("section");
    }

    private static void People(HtmlBuilder html, string title, IReadOnlyList<string> emails, StrategyRecord record, Language language)
    {
        html.Open("div").Element("h3", $"{title} ({emails.Count})");
        if (emails.Count == 0)
        {
            html.Element("p", PageText.Nobody.In(language), ("class", "empty"));
        }
        else
        {
            html.Open("ul");
            foreach (var email in emails)
            {
                html.Element("li", record.NameOf(email));
            }

            html.Close("ul");
        }

        html.Close("div");
    }

    private static void Decisions(HtmlBuilder html, StrategyRecord record, Language language)
    {
        var decisions = record.Status.Decisions;
        html.Open("section", ("class", "card"), ("id", "decisions"), ("aria-labelledby", "h-decisions"))
            .Element("h2", PageText.DecisionsTitle.In(language), ("id", "h-decisions"));
        if (decisions.Count == 0)
        {
            html.Element("p", PageText.NoDecisionsYet.In(language), ("class", "empty")).Close("section");
            return;
        }

        LocalizedText[] columns = [PageText.When, PageText.StageColumn, PageText.Who, PageText.DecisionColumn, PageText.CommentLabel];
        html.Open("div", ("class", "table-wrap")).Open("table", ("class", "stack")).Open("thead").Open("tr");
        foreach (var column in columns)
        {
            html.Element("th", column.In(language), ("scope", "col"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var decision in decisions)
        {
            html.Open("tr").Open("td", ("data-label", PageText.When.In(language)));
            Time(html, decision.At, language);
            html.Close("td")
                .Element("td", $"{PageText.StageOf.Format(language, decision.Stage.Number())} · {PageText.Round.Format(language, decision.Round)}", ("data-label", PageText.StageColumn.In(language)))
                .Element("td", record.NameOf(decision.Approver), ("data-label", PageText.Who.In(language)))
                .Element("td", PageText.Of(decision.Decision).In(language), ("data-label", PageText.DecisionColumn.In(language)))
                .Element("td", decision.Comment, ("data-label", PageText.CommentLabel.In(language)), ("class", "answer"))
                .Close("tr");
        }

        html.Close("tbody").Close("table").Close("div").Close("section");
    }

    /// <summary>Mail or storage that keeps failing, and addresses the mail service refused; nothing when all is well.</summary>
    private static void DeliveryProblems(HtmlBuilder html, StrategyStatusView status, StrategyRecord record, Language language)
    {
        if (status.Delivery is null && status.Undeliverable.Count == 0)
        {
            return;
        }

        html.Open("section", ("class", "callout error"), ("id", "delivery"), ("aria-labelledby", "h-delivery"))
            .Element("h2", PageText.DeliveryTitle.In(language), ("id", "h-delivery"));
        if (status.Delivery is { } delivery)
        {
            var what = Deliveries.TryGetValue(delivery.What, out var known) ? known.In(language) : delivery.What;
            html.Open("p");
            FormPages.WithTime(html, PageText.DeliveryDelayed, language, delivery.Since, what, delivery.FailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            html.Close("p");
        }

        if (status.Undeliverable.Count > 0)
        {
            html.Element("p", PageText.UndeliverableText.In(language)).Open("ul");
            foreach (var email in status.Undeliverable)
            {
                var name = record.NameOf(email);
                html.Element("li", name == email ? email : $"{name} <{email}>");
            }

            html.Close("ul");
        }

        html.Close("section");
    }

    /// <summary>Everything that happened, oldest first, each with its time.</summary>
    private static void Events(HtmlBuilder html, StrategyRecord record, Language language)
    {
        html.Open("section", ("class", "card"), ("id", "events"), ("aria-labelledby", "h-events"))
            .Element("h2", PageText.EventsTitle.In(language), ("id", "h-events"))
            .Open("ol", ("class", "events"));
        foreach (var e in record.Events)
        {
            html.Open("li");
            Time(html, e.At, language);
            if (e.Stage is { } stage)
            {
                html.Element("span", e.Round is { } round
                    ? $"{PageText.StageOf.Format(language, stage)} · {PageText.Round.Format(language, round)}"
                    : PageText.StageOf.Format(language, stage), ("class", "meta"));
            }

            html.Element("span", EventText(e, record, language));
            if (e.Event == TimelineEvents.Decision && !string.IsNullOrWhiteSpace(e.Comment))
            {
                html.Element("span", e.Comment, ("class", "quote"));
            }

            html.Close("li");
        }

        html.Close("ol").Close("section");
    }

    private static string EventText(TimelineEvent e, StrategyRecord record, Language language)
    {
        var who = e.Person is null ? "" : record.NameOf(e.Person);
        return e.Event switch
        {
            TimelineEvents.Started => PageText.EventStarted.In(language),
            TimelineEvents.MailSent => PageText.EventMail(e.Mail).Format(language, who),
            TimelineEvents.AnswerSubmitted => PageText.EventAnswered.Format(language, who),
            TimelineEvents.AnswerRevised => PageText.EventRevised.Format(language, who),
            TimelineEvents.ReviewPrepared => PageText.EventReviewPrepared.In(language),
            TimelineEvents.Decision => $"{who}: {(Enum.TryParse<DecisionKind>(e.Decision, out var kind) ? PageText.Of(kind).In(language) : e.Decision)}",
            TimelineEvents.StageArchived => PageText.EventStageArchived.In(language),
            TimelineEvents.StrategyArchived => PageText.EventStrategyArchived.In(language),
            TimelineEvents.DeliveryDelayed => PageText.EventDeliveryDelayed.Format(language, Deliveries.TryGetValue(e.Detail ?? "", out var what) ? what.In(language) : e.Detail),
            TimelineEvents.Ended => PageText.EventEnded.In(language),
            _ => e.Event,
        };
    }

    private static void Time(HtmlBuilder html, DateTimeOffset at, Language language) =>
        html.Element("time", Deadlines.Format(at, language), ("datetime", Deadlines.Iso(at)));
}
