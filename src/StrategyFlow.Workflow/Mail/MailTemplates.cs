using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Pages;

namespace StrategyFlow.Workflow.Mail;

/// <summary>
/// The text of every email, in Finnish and English. Each is short, says what happened and what (if
/// anything) to do, and has at most one call to action: the recipient's own form or review link, or their
/// read-only link to the strategy. Mail to the owner also links to the strategy's progress page.
/// Management URLs never appear in a mail.
/// </summary>
public static class MailTemplates
{
    public static MailContent Render(MailModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var mail = new Composer(model).Compose();
        return new MailContent(MailLayout.Subject(mail.Subject), MailLayout.Html(mail, model), MailLayout.PlainText(mail, model));
    }

    /// <summary>The kinds that ask the recipient to act through their personal link.</summary>
    public static bool HasLink(MailKind kind) =>
        kind is MailKind.Invitation or MailKind.Reminder or MailKind.SentBack or MailKind.ReviewRequest or MailKind.ReviewReminder
            or MailKind.DraftChanged or MailKind.FreshLink;

    /// <summary>The kinds whose link opens the strategy to read: the outcome, and an approved stage.</summary>
    public static bool HasReaderLink(MailKind kind) =>
        kind is MailKind.StageApproved or MailKind.Completed or MailKind.Rejected or MailKind.Cancelled;

    /// <summary>The owner's notices: their progress page is the call to action.</summary>
    public static bool IsOwnerNotice(MailKind kind) =>
        kind is MailKind.Started or MailKind.Escalation or MailKind.DeliveryDelayed or MailKind.Undeliverable;

    private sealed class Composer(MailModel m)
    {
        private readonly bool _fi = m.Language == Language.Fi;

        public ComposedMail Compose() => m.Kind switch
        {
            MailKind.Invitation => Mail(
                T($"{m.StrategyTitle}: vaihe {N}/4 odottaa vastaustasi", $"{m.StrategyTitle}: stage {N} of 4 needs your input"),
                Paragraph(
                    $"{m.Organization} laatii sosiaalisen median strategiaa {Quoted}, ja toivomme siihen sinun näkemystäsi. Nyt vuorossa on vaihe {N}/4: {StageTitle}.",
                    $"{m.Organization} is putting together its social media strategy {Quoted}, and we would like your view. Stage {N} of 4 is now open: {StageTitle}."),
                Deadline("Vastaathan viimeistään {0}.", "Please answer by {0}."),
                Button("Avaa lomake", "Open the form"),
                Paragraph("Voit muokata vastaustasi samasta linkistä, kunnes vaihe sulkeutuu.",
                    "You can revise your answer with the same link until the stage closes.")),

            MailKind.Reminder => Mail(
                T($"Muistutus – {m.StrategyTitle}: vaihe {N}/4 odottaa vastaustasi", $"Reminder – {m.StrategyTitle}: stage {N} of 4 needs your input"),
                Paragraph(
                    $"Muistutus: emme ole vielä saaneet vastaustasi strategian {Quoted} vaiheeseen {N}/4 ({StageTitle}).",
                    $"A quick reminder: we have not yet received your answer to stage {N} of 4 of {Quoted} ({StageTitle})."),
                Deadline("Vastausaikaa on {0} asti.", "You have until {0}."),
                Button("Avaa lomake", "Open the form")),

            MailKind.SentBack => Mail(
                T($"{m.StrategyTitle}: vaihe {N}/4 avattiin uudelleen", $"{m.StrategyTitle}: stage {N} of 4 is open again"),
                Paragraph(
                    $"Strategian {Quoted} vaihe {N}/4 ({StageTitle}) on avattu uudelleen kierrokselle {m.Round}.",
                    $"Stage {N} of 4 of {Quoted} ({StageTitle}) is open again for round {m.Round}."),
                Quote("Hyväksyjä pyysi muutoksia:", "The approver asked for changes:"),
                Paragraph("Aiempi vastauksesi on valmiina lomakkeella. Tarkista ja päivitä se.",
                    "Your previous answer is already filled in on the form. Please review and update it."),
                Deadline("Vastaathan viimeistään {0}.", "Please answer by {0}."),
                Button("Avaa lomake", "Open the form")),

            MailKind.ReviewRequest => Mail(
                T($"{m.StrategyTitle}: vaihe {N}/4 odottaa hyväksyntääsi", $"{m.StrategyTitle}: stage {N} of 4 is ready for your review"),
                Paragraph(
                    $"Strategian {Quoted} vaiheen {N}/4 ({StageTitle}) vastaukset on koottu luonnokseksi, joka odottaa päätöstäsi. Voit muokata luonnosta ja sitten hyväksyä sen, pyytää muutoksia tai hylätä strategian.",
                    $"The answers to stage {N} of 4 of {Quoted} ({StageTitle}) have been merged into a draft that awaits your decision. You can edit the draft, then approve it, ask for changes or reject the strategy."),
                m.Pending.Count > 0
                    ? Bullets("Nämä sidosryhmät eivät vastanneet:", "These stakeholders did not answer:")
                    : Paragraph("Kaikki sidosryhmät vastasivat.", "Every stakeholder answered."),
                Deadline("Toivomme päätöstäsi viimeistään {0}.", "Please decide by {0}."),
                Button("Avaa arviointisivu", "Open the review page")),

            MailKind.ReviewReminder => Mail(
                T($"Muistutus – {m.StrategyTitle}: vaihe {N}/4 odottaa hyväksyntääsi", $"Reminder – {m.StrategyTitle}: stage {N} of 4 awaits your decision"),
                Paragraph(
                    $"Muistutus: strategian {Quoted} vaihe {N}/4 ({StageTitle}) odottaa yhä päätöstäsi.",
                    $"A quick reminder: stage {N} of 4 of {Quoted} ({StageTitle}) is still waiting for your decision."),
                Deadline("Toivomme päätöstäsi viimeistään {0}.", "Please decide by {0}."),
                Button("Avaa arviointisivu", "Open the review page")),

            MailKind.Escalation => Mail(
                T($"{m.StrategyTitle}: vaiheen {N}/4 hyväksyntä viivästyy", $"{m.StrategyTitle}: stage {N} of 4 is still awaiting approval"),
                Paragraph(
                    $"Strategian {Quoted} vaihe {N}/4 ({StageTitle}) odottaa yhä hyväksyntää. Hyväksyjille on lähetetty {Reminders}.",
                    $"Stage {N} of 4 of {Quoted} ({StageTitle}) is still awaiting approval. The approvers have been sent {Reminders}."),
                Bullets("Päätöstä odotetaan vielä:", "Still waiting for a decision from:"),
                Deadline("Hyväksynnän määräaika oli {0}.", "The approval deadline was {0}."),
                Paragraph(
                    "Mitään ei hyväksytä automaattisesti: strategia etenee vasta, kun päätös on tehty. Ota tarvittaessa yhteyttä hyväksyjiin.",
                    "Nothing is approved automatically: the strategy moves on only when a decision is made. Please get in touch with the approvers."),
                ProgressButton()),

            MailKind.DraftChanged => Mail(
                T($"{m.StrategyTitle}: vaiheen {N}/4 luonnos muuttui – hyväksy uudelleen", $"{m.StrategyTitle}: the stage {N} of 4 draft changed – please approve again"),
                Paragraph(
                    $"Toinen hyväksyjä muokkasi strategian {Quoted} vaiheen {N}/4 ({StageTitle}) luonnosta sen jälkeen, kun hyväksyit sen. Hyväksyntäsi koski aiempaa versiota, joten se ei enää ole voimassa.",
                    $"Another approver edited the draft of stage {N} of 4 of {Quoted} ({StageTitle}) after you approved it. Your approval was for the earlier version, so it no longer counts."),
                Paragraph("Arviointisivulla näet, kuka muutti mitä. Hyväksy uusi versio, muokkaa sitä tai pyydä muutoksia.",
                    "The review page shows who changed what. Approve the new version, edit it or ask for changes."),
                Deadline("Toivomme päätöstäsi viimeistään {0}.", "Please decide by {0}."),
                Button("Avaa arviointisivu", "Open the review page")),

            MailKind.DeliveryDelayed => Mail(
                T($"{m.StrategyTitle}: viestien lähetys tai tallennus viivästyy", $"{m.StrategyTitle}: delivery is delayed"),
                Paragraph(
                    $"Strategian {Quoted} työnkulku ei ole saanut kaikkea tehtyä ajallaan, koska sähköpostipalvelu tai tallennuspalvelu ei ole vastannut.",
                    $"The workflow of {Quoted} has not been able to finish a step on time: the mail service or storage has not been answering."),
                Bullets("Viivästynyt:", "Delayed:"),
                Paragraph("StrategyFlow yrittää uudelleen automaattisesti, eikä yhtään vastausta menetetä. Ylläpito näkee tarkemmat tiedot strategian tilasta.",
                    "StrategyFlow keeps retrying by itself, and no answer is lost. Ops can see the details in the strategy's status."),
                ProgressButton()),

            MailKind.Undeliverable => Mail(
                T($"{m.StrategyTitle}: viestiä ei voitu toimittaa", $"{m.StrategyTitle}: some mail could not be delivered"),
                Paragraph(
                    $"Sähköpostipalvelu hylkäsi strategian {Quoted} viestit näihin osoitteisiin, joten vastaanottajat eivät saaneet linkkiään:",
                    $"The mail service refused the mail of {Quoted} to these addresses, so the recipients did not get their link:"),
                Bullets("Osoitteet:", "Addresses:"),
                Paragraph("Tarkista osoitteet. Vaihe etenee ilman heitä, ellei strategiaa aloiteta uudelleen oikeilla osoitteilla.",
                    "Please check the addresses. The stage goes on without them unless the strategy is started again with the right ones."),
                ProgressButton()),

            MailKind.StageApproved => Mail(
                T($"{m.StrategyTitle}: vaihe {N}/4 on hyväksytty", $"{m.StrategyTitle}: stage {N} of 4 is approved"),
                Paragraph($"Strategian {Quoted} vaihe {N}/4 ({StageTitle}) on hyväksytty.",
                    $"Stage {N} of 4 of {Quoted} ({StageTitle}) has been approved."),
                Next(),
                Quote("Hyväksyjän kommentti:", "The approver's comment:"),
                ReaderButton("Lue hyväksytty vaihe", "Read the approved stage"),
                ProgressLine()),

            MailKind.Completed => Mail(
                T($"{m.StrategyTitle} on valmis", $"{m.StrategyTitle} is complete"),
                Paragraph(
                    $"Sosiaalisen median strategia {Quoted} on valmis: kaikki neljä vaihetta on hyväksytty ja strategia on arkistoitu.",
                    $"The social media strategy {Quoted} is complete: all four stages are approved and the strategy has been archived."),
                ReaderButton("Lue valmis strategia", "Read the finished strategy"),
                Downloads(),
                Paragraph("Kiitos osallistumisestasi!", "Thank you for taking part!"),
                ProgressLine()),

            MailKind.Rejected => Mail(
                T($"{m.StrategyTitle} hylättiin", $"{m.StrategyTitle} was rejected"),
                m.Stage is null
                    ? Paragraph($"Strategia {Quoted} hylättiin.", $"The strategy {Quoted} was rejected.")
                    : Paragraph($"Strategia {Quoted} hylättiin vaiheessa {N}/4 ({StageTitle}).",
                        $"The strategy {Quoted} was rejected at stage {N} of 4 ({StageTitle})."),
                Quote("Perustelu:", "Reason:"),
                Paragraph("Strategian työnkulku on päättynyt, eikä sinun tarvitse tehdä mitään.",
                    "The process has ended; there is nothing more for you to do."),
                ReaderButton("Katso strategian tallenne", "See the strategy's record"),
                ProgressLine()),

            MailKind.Cancelled => Mail(
                T($"{m.StrategyTitle} on peruttu", $"{m.StrategyTitle} was cancelled"),
                Paragraph($"Strategian {Quoted} laatiminen on keskeytetty.", $"Work on the strategy {Quoted} has been cancelled."),
                Quote("Syy:", "Reason:"),
                Paragraph("Sinun ei tarvitse tehdä mitään, eivätkä aiemmin saamasi lomakelinkit ole enää käytössä.",
                    "There is nothing more for you to do, and any form links you received no longer work."),
                ReaderButton("Katso strategian tallenne", "See the strategy's record"),
                ProgressLine()),

            MailKind.FreshLink when ReadOnly => Mail(
                T($"{m.StrategyTitle}: uusi linkkisi", $"{m.StrategyTitle}: your new link"),
                Paragraph(
                    $"Aiempi linkkisi strategiaan {Quoted} oli vanhentunut, ja sen tilalle pyydettiin uusi. Tässä se on.",
                    $"Your earlier link to {Quoted} had expired, and a new one was requested. Here it is."),
                m.Role == LinkRole.Owner ? Button("Avaa seurantasivu", "Open the progress page") : Button("Avaa strategia", "Open the strategy"),
                NotAskedForIt()),

            MailKind.FreshLink => Mail(
                T($"{m.StrategyTitle}: uusi linkkisi vaiheeseen {N}/4", $"{m.StrategyTitle}: your new link to stage {N} of 4"),
                Paragraph(
                    $"Aiempi linkkisi strategian {Quoted} vaiheeseen {N}/4 ({StageTitle}) oli vanhentunut, ja sen tilalle pyydettiin uusi. Tässä se on.",
                    $"Your earlier link to stage {N} of 4 of {Quoted} ({StageTitle}) had expired, and a new one was requested. Here it is."),
                m.Role == LinkRole.Approver ? Button("Avaa arviointisivu", "Open the review page") : Button("Avaa lomake", "Open the form"),
                NotAskedForIt()),

            MailKind.Started => Mail(
                T($"{m.StrategyTitle}: strategian laatiminen on alkanut", $"{m.StrategyTitle}: work on the strategy has started"),
                Paragraph(
                    $"Strategian {Quoted} laatiminen on aloitettu, ja sinä olet sen omistaja. Sidosryhmät on kutsuttu vaiheeseen {N}/4: {StageTitle}.",
                    $"Work on the strategy {Quoted} has started, with you as its owner. The stakeholders have been invited to stage {N} of 4: {StageTitle}."),
                Deadline("Heillä on vastausaikaa {0} asti.", "They have until {0} to answer."),
                Paragraph(
                    "Saat sähköpostia, kun vaihe hyväksytään tai jos jokin vaatii huomiotasi. Etenemistä voit seurata milloin tahansa omalta seurantasivultasi.",
                    "You will get an email when a stage is approved or when something needs your attention. You can follow the progress at any time on your own progress page."),
                ProgressButton()),

            _ => throw new ArgumentOutOfRangeException(nameof(m), m.Kind, "Unknown mail kind."),
        };

        /// <summary>The mail's link is a read-only one to the whole strategy.</summary>
        private bool ReadOnly => m.Role is { } role && LinkTokens.IsAboutTheStrategy(role);

        private StageDefinition Stage => m.Stage is { } key && Enum.IsDefined(key)
            ? InnerCycle.Get(key)
            : throw new ArgumentException($"A {m.Kind} mail needs a stage.", nameof(m));

        private int N => Stage.Number;

        private string StageTitle => Stage.Title.In(m.Language);

        private string Quoted => _fi ? $"”{m.StrategyTitle}”" : $"“{m.StrategyTitle}”";

        private string Reminders => (_fi, m.RemindersSent) switch
        {
            (true, 1) => "1 muistutus",
            (true, var n) => $"{n} muistutusta",
            (false, 1) => "1 reminder",
            (false, var n) => $"{n} reminders",
        };

        private string T(string fi, string en) => _fi ? fi : en;

        private ComposedMail Mail(string subject, params MailBlock?[] blocks)
        {
            var aboutTheStrategy = m.Stage is null || m.Kind is MailKind.Completed or MailKind.Cancelled or MailKind.Started || (m.Kind == MailKind.FreshLink && ReadOnly);
            var eyebrow = aboutTheStrategy
                ? m.Organization
                : m.Round > 1 && m.Kind is not (MailKind.StageApproved or MailKind.Rejected or MailKind.Escalation)
                    ? T($"Vaihe {N}/4 · kierros {m.Round}", $"Stage {N} of 4 · round {m.Round}")
                    : T($"Vaihe {N}/4", $"Stage {N} of 4");
            var heading = aboutTheStrategy ? m.StrategyTitle : StageTitle;
            var footer = blocks.Any(b => b is MailButton or MailLink)
                ? T("Linkki on henkilökohtainen, joten älä välitä tätä viestiä eteenpäin. Viestin lähetti StrategyFlow.",
                    "The link is personal: please do not forward this email. Sent by StrategyFlow.")
                : T("Viestin lähetti StrategyFlow.", "Sent by StrategyFlow.");
            return new ComposedMail(
                subject, eyebrow, heading, T($"Hei {m.RecipientName},", $"Hi {m.RecipientName},"),
                [.. blocks.OfType<MailBlock>()], footer);
        }

        private MailBlock Paragraph(string fi, string en) => new MailParagraph(T(fi, en));

        private MailBlock? Deadline(string fi, string en) => m.Deadline is { } deadline
            ? new MailParagraph(string.Format(System.Globalization.CultureInfo.InvariantCulture, T(fi, en), Deadlines.Format(deadline, m.Language)), Strong: true)
            : null;

        private MailBlock? Quote(string fi, string en) =>
            string.IsNullOrWhiteSpace(m.Comment) ? null : new MailQuote(T(fi, en), m.Comment.Trim());

        private MailBlock? Bullets(string fi, string en) =>
            m.Pending.Count == 0 ? null : new MailBullets(T(fi, en), m.Pending);

        private MailBlock? Next() => StageKeys.TryFromNumber(N + 1, out var next)
            ? Paragraph($"Seuraavaksi vuorossa on vaihe {N + 1}/4: {InnerCycle.Get(next).Title.Fi}.",
                $"Next up is stage {N + 1} of 4: {InnerCycle.Get(next).Title.En}.")
            : Paragraph("Tämä oli viimeinen vaihe: strategia arkistoidaan seuraavaksi.",
                "This was the last stage: the strategy is archived next.");

        private MailBlock NotAskedForIt() => Paragraph(
            "Jos et itse pyytänyt uutta linkkiä, voit jättää tämän viestin huomiotta. Linkki lähetettiin vain sinulle.",
            "If you did not ask for it yourself, you can ignore this email. The link was sent to you alone.");

        /// <summary>The read-only link to the strategy (an approved stage opens at its section), when the mail has one.</summary>
        private MailBlock? ReaderButton(string fi, string en) => m.Link is null ? null : Button(fi, en);

        private MailBlock? Downloads() => m.Link is null ? null : Paragraph(
            "Sivulta voit ladata strategian myös tulostettavana HTML-tiedostona sekä Markdown- ja JSON-muodossa.",
            "From that page you can also download it as a printable HTML file, as Markdown and as JSON.");

        /// <summary>The owner's progress page as the one call to action of their notices.</summary>
        private MailBlock? ProgressButton() => Url(m.ProgressLink) is { } link ? new MailButton(T("Katso strategian tilanne", "See where the strategy stands"), link) : null;

        /// <summary>The owner's progress page under another call to action.</summary>
        private MailBlock? ProgressLine() =>
            Url(m.ProgressLink) is { } link ? new MailLink(T("Seuraa strategian etenemistä", "Follow the strategy's progress"), link) : null;

        private string? Url(string? link) => link is null ? null
            : Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? uri.AbsoluteUri
                : throw new ArgumentException($"A {m.Kind} mail's link must be an absolute http(s) link.", nameof(m));

        private MailButton Button(string fi, string en) =>
            new(T(fi, en), Url(m.Link) ?? throw new ArgumentException($"A {m.Kind} mail needs the recipient's absolute http(s) link.", nameof(m)));
    }
}
