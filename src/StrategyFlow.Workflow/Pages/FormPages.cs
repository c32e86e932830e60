using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// The pages people see: the stakeholder's form, the approver's review page, and short notices. Every
/// page is one self-contained HTML document without scripts; forms post back to their own URL.
/// </summary>
public static class FormPages
{
    public static HtmlResult StakeholderForm(StakeholderFormModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var language = m.Header.Language;
        var stage = InnerCycle.Get(m.Header.Stage);
        var errors = new ErrorIndex(m.Errors ?? [], language);
        var editor = new StageEditor(new EditorScope(m.Answer with { Stage = stage.Key }, m.Context, language), errors, m.Blank ?? BlankRows.One);

        var form = new HtmlBuilder()
            .Open("form", ("method", "post"), ("novalidate", string.Empty), ("accept-charset", "utf-8"));
        editor.Responses(form, PageText.Questions, PageText.QuestionsHint);
        editor.Lists(form);
        form.Open("section", ("class", "card"))
            .Open("div", ("class", "actions"))
            .Element("button", PageText.Send.In(language), ("type", "submit"), ("class", "primary"), ("name", FormFields.Action), ("value", FormFields.Submit), ("formaction", ErrorsAnchor))
            .Close("div")
            .Element("p", PageText.SendHint.In(language), ("class", "meta"))
            .Close("section")
            .Close("form");

        var main = Intro(m.Header, stage, PageText.Hello, PageText.AnswerBy);
        if (!string.IsNullOrWhiteSpace(m.SendBackComment))
        {
            main.Open("section", ("class", "callout note"), ("id", "sent-back"), ("aria-labelledby", "h-sent-back"))
                .Element("h2", PageText.SentBackTitle.In(language), ("id", "h-sent-back"));
            if (m.SentBackBy is { } by)
            {
                main.Open("p");
                WithTime(main, PageText.SentBackBy, language, by.At, by.Who);
                main.Close("p");
            }

            main.Element("p", m.SendBackComment, ("class", "quote"))
                .Element("p", PageText.SentBackText.In(language))
                .Close("section");
        }

        ErrorSummary(main, errors, language);
        main.Open("section", ("class", "card"), ("aria-labelledby", "h-about"))
            .Element("h2", PageText.AboutStage.In(language), ("id", "h-about"))
            .Element("p", stage.Guidance.In(language));
        Principle(main, stage, language);
        main.Close("section").Append(form);

        var title = $"{stage.Title.In(language)} – {m.Header.StrategyTitle}";
        return Page(errors.Any ? 400 : 200, m.Header, title, main);
    }

    public static HtmlResult ReviewPage(ReviewPageModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var language = m.Header.Language;
        var stage = InnerCycle.Get(m.Header.Stage);
        var errors = new ErrorIndex(m.Errors ?? [], language);
        var notes = new DraftNotes(m.Consolidated, m.Findings ?? [], m.Names, language);
        var editor = new StageEditor(new EditorScope(m.Draft with { Stage = stage.Key }, m.Context, language), errors, m.Blank ?? BlankRows.One, notes.Annotate);

        // The editor is written first so that the error summary, the findings and the leftover conflicts above it know where it showed what.
        var draft = new HtmlBuilder();
        editor.Responses(draft, PageText.DraftResponses, PageText.DraftResponsesHint);
        editor.Lists(draft);
        notes.PlaceTheRest(StageLists.For(stage.Key));

        var decision = new HtmlBuilder()
            .Open("section", ("class", "card"), ("aria-labelledby", "h-decision"))
            .Element("h2", PageText.DecisionTitle.In(language), ("id", "h-decision"));
        editor.LongText(decision, FormFields.Comment, PageText.CommentLabel.In(language), PageText.CommentHint.In(language), m.Comment ?? string.Empty, Limits.Comment);
        decision.Open("div", ("class", "actions"))
            .Element("button", PageText.Approve.In(language), ("type", "submit"), ("class", "primary"), ("name", FormFields.Action), ("value", FormFields.Approve), ("formaction", ErrorsAnchor))
            .Element("button", PageText.RequestChanges.In(language), ("type", "submit"), ("name", FormFields.Action), ("value", FormFields.RequestChanges), ("formaction", ErrorsAnchor))
            .Element("button", PageText.Reject.In(language), ("type", "submit"), ("class", "danger"), ("name", FormFields.Action), ("value", FormFields.Reject), ("formaction", ErrorsAnchor))
            .Close("div")
            .Element("p", PageText.DecisionHint.In(language), ("class", "meta"))
            .Close("section");

        var main = Intro(m.Header, stage, PageText.ApproverHello, PageText.DecideBy);
        if (!string.IsNullOrEmpty(m.Notice))
        {
            main.Element("p", m.Notice, ("class", "card notice"), ("role", "status"));
        }

        ReviewActivityList(main, m.Activity, language);
        NotAnswered(main, m.NotAnswered ?? [], language);
        ErrorSummary(main, errors, language, notes.Placed().Where(p => p.Finding.Severity == Severity.Error).ToList());
        Findings(main, notes, language);
        AnswerView.Write(main, stage, m.Answers ?? [], m.Context, language, m.Names);

        main.Open("form", ("method", "post"), ("novalidate", string.Empty), ("accept-charset", "utf-8"))
            .Void("input", ("type", "hidden"), ("name", FormFields.DraftBase), ("value", m.DraftSha256 ?? string.Empty))
            .Open("section", ("class", "card"), ("aria-labelledby", "h-draft"))
            .Element("h2", PageText.DraftTitle.In(language), ("id", "h-draft"))
            .Element("p", PageText.DraftText.In(language));
        notes.WriteUnshown(main);
        main.Close("section").Append(draft).Append(decision).Close("form");

        var title = $"{PageText.Review.In(language)}: {stage.Title.In(language)} – {m.Header.StrategyTitle}";
        return Page(errors.Any ? 400 : 200, m.Header, title, main);
    }

    /// <summary>What the other approvers did this round: decisions with comments, and edits of the draft.</summary>
    private static void ReviewActivityList(HtmlBuilder main, IReadOnlyList<ReviewActivity> activity, Language language)
    {
        if (activity.Count == 0)
        {
            return;
        }

        main.Open("section", ("class", "card"), ("aria-labelledby", "h-activity"))
            .Element("h2", PageText.ReviewActivityTitle.In(language), ("id", "h-activity"))
            .Open("ul");
        foreach (var item in activity)
        {
            main.Open("li").Element("strong", item.Who).Text($" – {item.What} ({Deadlines.Format(item.At, language)})");
            if (!string.IsNullOrWhiteSpace(item.Comment))
            {
                main.Element("blockquote", item.Comment);
            }

            main.Close("li");
        }

        main.Close("ul").Close("section");
    }

    /// <summary>The value of the expired-link page's button: the one post such a link may make.</summary>
    public const string FreshLinkAction = "freshLink";

    /// <summary>
    /// A short page in the strategy's language. <see cref="NoticeKind.LinkInvalid"/> is always bilingual and generic;
    /// <see cref="NoticeKind.LinkExpired"/> carries the button that asks for a fresh link.
    /// </summary>
    public static HtmlResult Notice(NoticeKind kind, Language language, string? detail = null)
    {
        if (kind == NoticeKind.LinkInvalid)
        {
            return Notice(kind);
        }

        if (kind == NoticeKind.LinkExpired)
        {
            return LinkExpired(language);
        }

        var main = new HtmlBuilder().Open("section", ("class", "card notice"), ("data-notice", kind.ToString()));
        NoticeText(main, kind, language, detail, "h1");
        return NoticePage(kind, language, main.Close("section"));
    }

    /// <summary>
    /// An authentic link past its expiry: one button that mails the link's owner a fresh one. Like every notice it
    /// names no one and no strategy, and the address is never shown or asked for.
    /// </summary>
    private static HtmlResult LinkExpired(Language language)
    {
        var main = new HtmlBuilder().Open("section", ("class", "card notice"));
        NoticeText(main, NoticeKind.LinkExpired, language, null, "h1");
        main.Open("form", ("method", "post"), ("accept-charset", "utf-8"))
            .Open("div", ("class", "actions"))
            .Element("button", PageText.SendFreshLink.In(language), ("type", "submit"), ("class", "primary"), ("name", FormFields.Action), ("value", FreshLinkAction))
            .Close("div")
            .Element("p", PageText.FreshLinkHint.In(language), ("class", "meta"))
            .Close("form");
        return NoticePage(NoticeKind.LinkExpired, language, main.Close("section"));
    }

    private static HtmlResult NoticePage(NoticeKind kind, Language language, HtmlBuilder main) =>
        new(StatusOf(kind), PageLayout.Document(PageLayout.Lang(language), PageText.Notice(kind).Title.In(language), null, null, main));

    /// <summary>
    /// A notice in both languages, for when the strategy's language is unknown. An invalid link always
    /// gets this same page, whatever the cause: tampered, foreign, of an earlier run or under a retired key.
    /// </summary>
    public static HtmlResult Notice(NoticeKind kind)
    {
        var (title, _) = PageText.Notice(kind);
        var main = new HtmlBuilder().Open("section", ("class", "card notice"), ("data-notice", kind.ToString()));
        foreach (var language in new[] { Language.Fi, Language.En })
        {
            main.Open("div", ("class", "lang"), ("lang", PageLayout.Lang(language)));
            NoticeText(main, kind, language, null, language == Language.Fi ? "h1" : "h2");
            main.Close("div");
        }

        main.Close("section");
        return new HtmlResult(StatusOf(kind), PageLayout.Document("fi", $"{title.Fi} / {title.En}", null, null, main));
    }

    private static void NoticeText(HtmlBuilder main, NoticeKind kind, Language language, string? detail, string heading)
    {
        var (title, text) = PageText.Notice(kind);
        main.Element(heading, title.In(language)).Element("p", text.In(language));
        if (!string.IsNullOrWhiteSpace(detail) && kind != NoticeKind.LinkInvalid)
        {
            main.Element("p", detail, ("class", "meta"));
        }
    }

    private static int StatusOf(NoticeKind kind) => kind switch
    {
        NoticeKind.AnswerReceived or NoticeKind.DecisionRecorded or NoticeKind.RoundClosed or NoticeKind.FreshLinkSent => 200,
        NoticeKind.AnswerNotCounted or NoticeKind.DecisionNotCounted => 409,
        NoticeKind.AnswerPending or NoticeKind.DecisionPending => 202,
        NoticeKind.LinkInvalid or NoticeKind.LinkExpired or NoticeKind.ReaderAccessRevoked => 403,
        NoticeKind.NotFound or NoticeKind.NotArchivedYet => 404,
        NoticeKind.TooLarge => 413,
        NoticeKind.BadRequest => 400,
        NoticeKind.UnsupportedMediaType => 415,
        NoticeKind.Unavailable => 503,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown notice."),
    };

    internal static HtmlResult Page(int status, FormHeader header, string title, HtmlBuilder main) =>
        new(status, PageLayout.Document(PageLayout.Lang(header.Language), title, header.Organization, header.StrategyTitle, main));

    /// <summary>
    /// Writes <paramref name="text"/> with a <c>time</c> element in its last placeholder and <paramref name="values"/> in
    /// the ones before it: <c>"{0} asked for changes on {1}."</c>.
    /// </summary>
    internal static void WithTime(HtmlBuilder html, LocalizedText text, Language language, DateTimeOffset at, params string[] values)
    {
        const string Marker = "\u0001";
        var parts = text.Format(language, [.. values, Marker]).Split(Marker);
        html.Text(parts[0]).Element("time", Deadlines.Format(at, language), ("datetime", Deadlines.Iso(at))).Text(parts.Length > 1 ? parts[1] : string.Empty);
    }

    /// <summary>"Stage 2 of 4", and the round after the first.</summary>
    internal static string Eyebrow(FormHeader header, StageDefinition stage)
    {
        var eyebrow = PageText.StageOf.Format(header.Language, stage.Number);
        return header.Round > 1 ? eyebrow + " · " + PageText.Round.Format(header.Language, header.Round) : eyebrow;
    }

    /// <summary>Stage and round, the stage title, who the page is for and the deadline.</summary>
    private static HtmlBuilder Intro(FormHeader header, StageDefinition stage, LocalizedText hello, LocalizedText by)
    {
        var language = header.Language;
        var html = new HtmlBuilder()
            .Open("div", ("class", "intro"))
            .Element("p", Eyebrow(header, stage), ("class", "eyebrow"))
            .Element("h1", stage.Title.In(language))
            .Open("p", ("class", "meta"))
            .Text(hello.Format(language, header.ParticipantName));
        if (header.Deadline is { } deadline)
        {
            html.Text(" · " + by.In(language) + " ")
                .Element("time", Deadlines.Format(deadline, language), ("datetime", Deadlines.Iso(deadline)));
        }

        return html.Close("p").Close("div");
    }

    internal static void Principle(HtmlBuilder html, StageDefinition stage, Language language) =>
        html.Open("p", ("class", "principle"))
            .Element("strong", PageText.Principle.In(language))
            .Text(stage.Principle.In(language))
            .Close("p");

    /// <summary>
    /// Where a page posted by its main buttons opens: the error summary when it shows errors (elsewhere no element
    /// has the id and the page opens at the top). Without it the address keeps the fragment of an earlier
    /// "+ Add" and the page would open at that row.
    /// </summary>
    private const string ErrorsAnchor = "#errors";

    /// <summary>
    /// What to fix, at the top, each linked to where it is. An approval the coherence errors block lists those errors,
    /// each linked to its row of the draft, under one sentence that says what to do.
    /// </summary>
    private static void ErrorSummary(HtmlBuilder html, ErrorIndex errors, Language language, IReadOnlyList<(Finding Finding, string? Anchor)>? blocking = null)
    {
        if (!errors.Any)
        {
            return;
        }

        html.Open("section", ("class", "callout error error-summary"), ("id", ErrorsAnchor[1..]), ("role", "alert"), ("aria-labelledby", "h-errors"))
            .Element("h2", PageText.ErrorSummaryTitle.In(language), ("id", "h-errors"))
            .Open("ul");
        foreach (var (error, message, anchor, where) in errors.Summary())
        {
            if (error.Code == ApprovalGate.CoherenceCode && blocking is { Count: > 0 })
            {
                html.Open("li").Text(PageText.ApprovalBlocked.In(language)).Open("ul");
                foreach (var (finding, findingAnchor) in blocking)
                {
                    Link(html, finding.Message?.In(language), findingAnchor);
                }

                html.Close("ul").Close("li");
            }
            else
            {
                Link(html, where is null ? message : $"{where}: {message}", anchor);
            }
        }

        html.Close("ul").Close("section");
    }

    /// <summary>A list item: the text as an in-page link when it has a place on the page.</summary>
    private static void Link(HtmlBuilder html, string? text, string? anchor)
    {
        html.Open("li");
        if (anchor is null)
        {
            html.Text(text);
        }
        else
        {
            html.Element("a", text, ("href", "#" + anchor));
        }

        html.Close("li");
    }

    private static void NotAnswered(HtmlBuilder html, IReadOnlyList<string> notAnswered, Language language)
    {
        if (notAnswered.Count == 0)
        {
            html.Open("section", ("class", "callout ok")).Element("p", PageText.AllAnswered.In(language)).Close("section");
            return;
        }

        html.Open("section", ("class", "callout note"), ("aria-labelledby", "h-not-answered"))
            .Element("h2", PageText.NotAnsweredTitle.In(language), ("id", "h-not-answered"))
            .Element("p", PageText.NotAnsweredText.In(language))
            .Open("ul");
        foreach (var who in notAnswered)
        {
            html.Element("li", who);
        }

        html.Close("ul").Close("section");
    }

    /// <summary>Every finding, errors first, each linking to the draft row it concerns; the rule id only as small print.</summary>
    private static void Findings(HtmlBuilder html, DraftNotes notes, Language language)
    {
        var findings = notes.Placed().OrderByDescending(f => f.Finding.Severity == Severity.Error).ToList();
        html.Open("section", ("class", "card"), ("id", "findings"), ("aria-labelledby", "h-findings"))
            .Element("h2", PageText.FindingsTitle.In(language), ("id", "h-findings"));
        if (findings.Count == 0)
        {
            html.Element("p", PageText.NoFindings.In(language)).Close("section");
            return;
        }

        if (findings.Any(f => f.Finding.Severity == Severity.Error))
        {
            html.Element("p", PageText.FindingsBlock.In(language), ("class", "field-error"));
        }

        html.Open("ul", ("class", "findings"));
        foreach (var (finding, anchor) in findings)
        {
            var error = finding.Severity == Severity.Error;
            html.Open("li")
                .Element("span", (error ? PageText.Error : PageText.Warning).In(language), ("class", error ? "badge error" : "badge warning"))
                .Open("div")
                .Open("p");
            if (anchor is null)
            {
                html.Text(finding.Message?.In(language));
            }
            else
            {
                html.Element("a", finding.Message?.In(language), ("href", "#" + anchor));
            }

            html.Close("p")
                .Element("p", finding.RuleId, ("class", "rule"))
                .Close("div")
                .Close("li");
        }

        html.Close("ul").Close("section");
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
