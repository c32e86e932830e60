using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// A participant's pages besides the form itself: the receipt after an answer counted, and the read-only view a
/// personal link shows once its round is over. Neither has a form: they change nothing.
/// </summary>
public static class ParticipantPages
{
    /// <summary>The summary of what was saved, what happens next, until when it may change, and the way back to edit.</summary>
    public static HtmlResult AnswerReceipt(AnswerReceiptModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var language = m.Header.Language;
        var stage = InnerCycle.Get(m.Header.Stage);
        var main = Intro(m.Header, stage, PageText.ReceiptTitle.In(language));
        main.Open("section", ("class", "callout ok"), ("data-notice", nameof(NoticeKind.AnswerReceived)))
            .Element("p", PageText.ReceiptText.Format(language, Quoted(m.Header.StrategyTitle, language), stage.Number, stage.Title.In(language)))
            .Close("section");

        main.Open("section", ("class", "card"), ("id", "next"), ("aria-labelledby", "h-next"))
            .Element("h2", PageText.NextTitle.In(language), ("id", "h-next"));
        if (m.RoundOpen)
        {
            main.Element("p", PageText.NextText.In(language));
            if (m.Header.Deadline is { } deadline)
            {
                main.Open("p");
                FormPages.WithTime(main, PageText.EditUntil, language, deadline);
                main.Close("p");
            }

            main.Open("p").Element("a", PageText.EditAnswer.In(language), ("href", m.EditHref), ("id", "edit"), ("class", "button")).Close("p");
        }
        else
        {
            main.Element("p", PageText.RoundNowClosed.In(language));
        }

        main.Close("section");
        main.Open("section", ("class", "card"), ("id", "summary"), ("aria-labelledby", "h-summary"))
            .Element("h2", PageText.SavedAnswerTitle.In(language), ("id", "h-summary"));
        AnswerView.Content(main, stage, m.Answer, m.Context, language);
        main.Close("section");
        return FormPages.Page(200, m.Header, $"{PageText.ReceiptTitle.In(language)} – {m.Header.StrategyTitle}", main);
    }

    /// <summary>A link whose round is over: where the stage stands, the person's own part of that round, and what was approved.</summary>
    public static HtmlResult ClosedRound(ClosedRoundModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var language = m.Header.Language;
        var stage = InnerCycle.Get(m.Header.Stage);
        var main = Intro(m.Header, stage, stage.Title.In(language));
        main.Open("section", ("class", m.State == ClosedRoundState.Approved ? "callout ok" : "callout note"), ("data-notice", nameof(NoticeKind.RoundClosed)),
                ("aria-labelledby", "h-closed"))
            .Element("h2", PageText.Notice(NoticeKind.RoundClosed).Title.In(language), ("id", "h-closed"));
        switch (m.State)
        {
            case ClosedRoundState.Reviewing:
                main.Element("p", PageText.ClosedReviewing.In(language));
                break;
            case ClosedRoundState.Reopened:
                main.Element("p", (m.IsApprover ? PageText.ClosedReopenedApprover : PageText.ClosedReopened).Format(language, m.CurrentRound));
                break;
            case ClosedRoundState.Approved when m.ApprovedAt is { } at:
                main.Open("p");
                FormPages.WithTime(main, PageText.ClosedApproved, language, at);
                main.Close("p");
                break;
            case ClosedRoundState.Rejected or ClosedRoundState.Cancelled:
                main.Element("p", (m.State == ClosedRoundState.Rejected ? PageText.ClosedRejected : PageText.ClosedCancelled).In(language));
                if (!string.IsNullOrWhiteSpace(m.Reason))
                {
                    main.Element("p", m.Reason, ("class", "quote"));
                }

                break;
        }

        main.Element("p", PageText.ClosedNothingChanged.In(language), ("class", "meta")).Close("section");

        main.Open("section", ("class", "card"), ("id", "your-answer"), ("aria-labelledby", "h-yours"));
        if (m.IsApprover)
        {
            main.Element("h2", PageText.YourDecisionTitle.Format(language, m.Header.Round), ("id", "h-yours"));
            if (m.Decision is { } decision)
            {
                main.Open("p");
                FormPages.WithTime(main, PageText.YourDecision, language, decision.At, decision.What);
                main.Close("p");
                if (!string.IsNullOrWhiteSpace(decision.Comment))
                {
                    main.Element("p", decision.Comment, ("class", "quote"));
                }
            }
            else
            {
                main.Element("p", PageText.NoDecisionThisRound.In(language), ("class", "empty"));
            }
        }
        else
        {
            main.Element("h2", PageText.YourAnswerTitle.Format(language, m.Header.Round), ("id", "h-yours"));
            if (m.Answer is null)
            {
                main.Element("p", PageText.NoAnswerThisRound.In(language), ("class", "empty"));
            }
            else
            {
                AnswerView.Content(main, stage, m.Answer, m.Context, language);
            }
        }

        main.Close("section");
        if (m.Approved is not null)
        {
            main.Open("section", ("class", "card"), ("id", "approved"), ("aria-labelledby", "h-approved"))
                .Element("h2", PageText.ApprovedTitle.In(language), ("id", "h-approved"));
            if (m.ApprovedBy.Count > 0)
            {
                main.Element("p", PageText.ApprovedByNames.Format(language, string.Join(", ", m.ApprovedBy)), ("class", "meta"));
            }

            AnswerView.Content(main, stage, m.Approved, m.Context, language);
            main.Close("section");
        }

        return FormPages.Page(200, m.Header, $"{stage.Title.In(language)} – {m.Header.StrategyTitle}", main);
    }

    /// <summary>Stage and round above a heading, and the strategy and stage the page is about.</summary>
    private static HtmlBuilder Intro(FormHeader header, StageDefinition stage, string heading)
    {
        var language = header.Language;
        return new HtmlBuilder()
            .Open("div", ("class", "intro"))
            .Element("p", FormPages.Eyebrow(header, stage), ("class", "eyebrow"))
            .Element("h1", heading)
            .Element("p", $"{PageText.Hello.Format(language, header.ParticipantName)} · {header.StrategyTitle} · {stage.Title.In(language)}", ("class", "meta"))
            .Close("div");
    }

    internal static string Quoted(string text, Language language) => language == Language.Fi ? $"”{text}”" : $"“{text}”";
}
