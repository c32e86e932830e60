using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Tests.Pages;
using static StrategyFlow.Workflow.Tests.Pages.MarkupSafety;

namespace StrategyFlow.Workflow.Tests.Mail;

public sealed class MailTemplatesTests
{
    private const string Link = "https://strategyflow.example/api/forms/abc.def?x=1&y=2";
    private const string ProgressLink = "https://strategyflow.example/api/forms/owner.progress";

    public static TheoryData<MailKind, Language> KindsAndLanguages()
    {
        var data = new TheoryData<MailKind, Language>();
        foreach (var kind in Enum.GetValues<MailKind>())
        {
            data.Add(kind, Language.Fi);
            data.Add(kind, Language.En);
        }

        return data;
    }

    internal static MailModel Model(MailKind kind, Language language = Language.En) => new()
    {
        Kind = kind,
        Language = language,
        Organization = "Acme Oy",
        StrategyTitle = "Sosiaalisen median strategia 2027",
        Stage = StageKey.Audiences,
        Round = kind == MailKind.SentBack ? 2 : 1,
        RecipientName = "Sanna",
        Link = Link,
        ProgressLink = ProgressLink,
        Deadline = Samples.Deadline,
        Comment = kind is MailKind.SentBack or MailKind.Rejected or MailKind.Cancelled ? "Please add metrics." : null,
        Pending = kind is MailKind.ReviewRequest or MailKind.Escalation ? ["pekka@acme.example", "aino@acme.example"] : [],
        RemindersSent = 2,
    };

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void Render_EveryKindAndLanguage_GivesASubjectValidHtmlAndEquivalentPlainText(MailKind kind, Language language)
    {
        var mail = MailTemplates.Render(Model(kind, language));
        var document = HtmlForm.Parse(mail.Html);
        Directory.CreateDirectory(SamplePagesTests.Directory); // for a look in a browser
        File.WriteAllText(Path.Combine(SamplePagesTests.Directory, $"mail-{kind}-{language}.html"), mail.Html);

        Assert.Contains("Sosiaalisen median strategia 2027", mail.Subject, StringComparison.Ordinal);
        Assert.Empty(SamplePagesTests.ParseErrors(mail.Html));
        Assert.Equal(language == Language.Fi ? "fi" : "en", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains(language == Language.Fi ? "Hei Sanna," : "Hi Sanna,", mail.PlainText, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("img, script, style, link"));
        // Every text of the HTML is in the plain text too; the button's fallback line has its own plain form (label: link).
        foreach (var paragraph in document.QuerySelectorAll("p:not(:has(a)), li, h1, td:not(:has(*))"))
        {
            Assert.Contains(paragraph.TextContent.Trim(), mail.PlainText, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void Render_EachKind_LinksOnlyToTheRecipientsOwnLinks(MailKind kind, Language language)
    {
        var mail = MailTemplates.Render(Model(kind, language));
        var links = HtmlForm.Parse(mail.Html).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")).Distinct().ToList();

        // The form or review link to act on; the strategy to read (and the owner's progress); the owner's progress alone.
        string[] expected = MailTemplates.HasLink(kind) ? [Link] : MailTemplates.HasReaderLink(kind) ? [Link, ProgressLink] : [ProgressLink];
        Assert.Equal(expected, links);
        Assert.All(expected, link => Assert.Contains(link, mail.PlainText, StringComparison.Ordinal));
        Assert.True(MailTemplates.HasLink(kind) || MailTemplates.HasReaderLink(kind) || MailTemplates.IsOwnerNotice(kind), $"{kind} links nowhere.");
    }

    [Theory]
    [InlineData(MailKind.Completed)]
    [InlineData(MailKind.Escalation)]
    [InlineData(MailKind.Started)]
    public void Render_ReadOnlyKindWithoutItsLinks_SaysTheSameWithoutALink(MailKind kind)
    {
        var mail = MailTemplates.Render(Model(kind) with { Link = null, ProgressLink = null });

        Assert.Empty(HtmlForm.Parse(mail.Html).QuerySelectorAll("a[href]"));
        Assert.DoesNotContain("http", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("Sent by StrategyFlow.", mail.PlainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MailKind.Invitation, Language.Fi, "Vastaathan viimeistään su 14.3.2027 klo 18.00.")]
    [InlineData(MailKind.Invitation, Language.En, "Please answer by Sunday 14 March 2027, 16:00 UTC.")]
    [InlineData(MailKind.ReviewRequest, Language.En, "Please decide by Sunday 14 March 2027, 16:00 UTC.")]
    public void Render_Deadline_IsSpelledOutInTheLanguage(MailKind kind, Language language, string sentence)
    {
        var mail = MailTemplates.Render(Model(kind, language));

        Assert.Contains(sentence, mail.PlainText, StringComparison.Ordinal);
        Assert.Contains(sentence, HtmlForm.Parse(mail.Html).Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Fi, "Hyväksyjä pyysi muutoksia:")]
    [InlineData(Language.En, "The approver asked for changes:")]
    public void Render_SentBack_QuotesTheApproversComment(Language language, string label)
    {
        var mail = MailTemplates.Render(Model(MailKind.SentBack, language) with { Comment = "Add metrics.\nAnd owners." });

        Assert.Contains($"{label}\n> Add metrics.\n> And owners.", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("Add metrics.\nAnd owners.", HtmlForm.Parse(mail.Html).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReviewRequest_ListsWhoDidNotAnswerOrSaysEveryoneDid()
    {
        var pending = MailTemplates.Render(Model(MailKind.ReviewRequest));
        var none = MailTemplates.Render(Model(MailKind.ReviewRequest) with { Pending = [] });

        Assert.Contains("These stakeholders did not answer:\n- pekka@acme.example\n- aino@acme.example", pending.PlainText, StringComparison.Ordinal);
        Assert.Equal(["pekka@acme.example", "aino@acme.example"], HtmlForm.Parse(pending.Html).QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Contains("Every stakeholder answered.", none.PlainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Fi, 1, "Hyväksyjille on lähetetty 1 muistutus.")]
    [InlineData(Language.Fi, 3, "Hyväksyjille on lähetetty 3 muistutusta.")]
    [InlineData(Language.En, 1, "The approvers have been sent 1 reminder.")]
    [InlineData(Language.En, 2, "The approvers have been sent 2 reminders.")]
    public void Render_Escalation_NamesThePendingApproversAndTheRemindersSent(Language language, int reminders, string sentence)
    {
        var mail = MailTemplates.Render(Model(MailKind.Escalation, language) with { RemindersSent = reminders });

        Assert.Contains(sentence, mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("- pekka@acme.example\n- aino@acme.example", mail.PlainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StageKey.Goals, "Next up is stage 2 of 4: Audiences and channels.")]
    [InlineData(StageKey.Ownership, "This was the last stage: the strategy is archived next.")]
    public void Render_StageApproved_SaysWhatComesNext(StageKey stage, string sentence)
    {
        var mail = MailTemplates.Render(Model(MailKind.StageApproved) with { Stage = stage });

        Assert.Contains(sentence, mail.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CompletedAndCancelled_NeedNoStage()
    {
        Assert.Contains("is complete", MailTemplates.Render(Model(MailKind.Completed) with { Stage = null }).Subject, StringComparison.Ordinal);
        var cancelled = MailTemplates.Render(Model(MailKind.Cancelled) with { Stage = null });
        Assert.Contains("Reason:\n> Please add metrics.", cancelled.PlainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/api/forms/abc")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/x")]
    public void Render_LinkedKindWithoutAnAbsoluteHttpLink_Throws(string? link)
    {
        Assert.Throws<ArgumentException>(() => MailTemplates.Render(Model(MailKind.Invitation) with { Link = link }));
    }

    [Fact]
    public void Render_KindThatNeedsAStageWithoutOne_Throws()
    {
        Assert.Throws<ArgumentException>(() => MailTemplates.Render(Model(MailKind.Reminder) with { Stage = null }));
    }

    [Fact]
    public void Render_SubjectWithLineBreaksAndControls_IsOneClean()
    {
        var mail = MailTemplates.Render(Model(MailKind.Invitation) with { StrategyTitle = "Strategy\r\nBcc: evil@example.com\u2028\t2027" });

        Assert.Equal("Strategy Bcc: evil@example.com 2027: stage 2 of 4 needs your input", mail.Subject);
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void Render_HostileTextInEveryField_StaysText(MailKind kind, Language language)
    {
        var model = Model(kind, language) with
        {
            Organization = Evil("organization"),
            StrategyTitle = Evil("title"),
            RecipientName = Evil("recipient"),
            Comment = Evil("comment"),
            Pending = [Evil("pending")],
        };

        var mail = MailTemplates.Render(model);
        var document = HtmlForm.Parse(mail.Html);

        AssertOnlyOwnMarkup(document, mail.Html, MailTags, MailAttributes, href => href is Link or ProgressLink);
        Assert.Equal(mail.Subject, document.Title);
        Assert.Contains("title <script>alert(1)</script>", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(Evil("organization") + " · " + Evil("title"), document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', mail.Subject);
    }
}
