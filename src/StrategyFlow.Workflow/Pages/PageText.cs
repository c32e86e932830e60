using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>Every fixed text of the pages, in both languages.</summary>
internal static class PageText
{
    public static readonly LocalizedText Product = new("StrategyFlow", "StrategyFlow");
    public static readonly LocalizedText StageOf = new("Vaihe {0}/4", "Stage {0} of 4");
    public static readonly LocalizedText Round = new("kierros {0}", "round {0}");
    public static readonly LocalizedText Hello = new("Hei {0}", "Hi {0}");
    public static readonly LocalizedText AnswerBy = new("vastaathan viimeistään", "please answer by");
    public static readonly LocalizedText DecideBy = new("päätöstä toivotaan viimeistään", "please decide by");

    public static readonly LocalizedText SentBackTitle = new("Vaihe palautettiin muutettavaksi", "The stage was sent back for changes");
    public static readonly LocalizedText SentBackBy = new("{0} pyysi muutoksia {1}:", "{0} asked for changes on {1}:");
    public static readonly LocalizedText SentBackText = new(
        "Aiempi vastauksesi on valmiina alla. Tarkista ja täydennä se hyväksyjän kommentin perusteella.",
        "Your previous answer is filled in below. Please review and complete it in light of the approver's comment.");

    public static readonly LocalizedText AboutStage = new("Mistä tässä vaiheessa on kyse", "What this stage is about");
    public static readonly LocalizedText Principle = new("Periaate", "Principle");
    public static readonly LocalizedText Questions = new("Kysymykset", "Guiding questions");
    public static readonly LocalizedText QuestionsHint = new(
        "Vastaa omin sanoin. Voit jättää kohdan tyhjäksi, jos sinulla ei ole siihen näkemystä.",
        "Answer in your own words. You may leave a question empty if you have no view on it.");

    public static readonly LocalizedText ItemNumber = new("{0} {1}", "{0} {1}");
    public static readonly LocalizedText NewItem = new("Uusi {0}", "New {0}");
    public static readonly LocalizedText Remove = new("Poista", "Remove");
    public static readonly LocalizedText AddItem = new("+ Lisää {0}", "+ Add {0}");
    public static readonly LocalizedText Choose = new("Valitse…", "Choose…");
    public static readonly LocalizedText NothingToChoose = new("Ei vielä valittavaa.", "Nothing to choose from yet.");
    public static readonly LocalizedText OtherNames = new("Muut, pilkulla erotettuna", "Others, separated by commas");
    public static readonly LocalizedText NothingApproved = new("Aiemmissa vaiheissa ei hyväksytty yhtään kohdetta.", "Nothing was approved for this list in the earlier stages.");
    public static readonly LocalizedText NotApproved = new("(ei hyväksytty)", "(not approved)");

    public static readonly LocalizedText Send = new("Lähetä vastaus", "Send answer");
    public static readonly LocalizedText SendHint = new(
        "Voit muokata vastaustasi samasta linkistä, kunnes vaihe sulkeutuu. Rivin lisääminen ei vielä lähetä vastausta.",
        "You can revise your answer with the same link until the stage closes. Adding a row does not send your answer.");

    public static readonly LocalizedText ErrorSummaryTitle = new("Korjaa nämä kohdat", "Please fix the following");
    public static readonly LocalizedText ApprovalBlocked = new(
        "Vaihetta ei voi vielä hyväksyä. Korjaa nämä kohdat luonnoksessa tai pyydä sidosryhmiltä muutoksia:",
        "The stage cannot be approved yet. Fix these points in the draft, or ask the stakeholders for changes:");

    // Review page.
    public static readonly LocalizedText Review = new("Arviointi", "Review");
    public static readonly LocalizedText ApproverHello = new("Hei {0}, tämä vaihe odottaa päätöstäsi", "Hi {0}, this stage awaits your decision");
    public static readonly LocalizedText NotAnsweredTitle = new("Vastaamatta jäi", "Did not answer");
    public static readonly LocalizedText NotAnsweredText = new(
        "Nämä sidosryhmät eivät vastanneet määräaikaan mennessä:", "These stakeholders did not answer before the deadline:");
    public static readonly LocalizedText AllAnswered = new("Kaikki sidosryhmät vastasivat.", "Every stakeholder answered.");
    public static readonly LocalizedText FindingsTitle = new("Johdonmukaisuustarkistus", "Coherence check");
    public static readonly LocalizedText FindingsBlock = new(
        "Virheet estävät hyväksynnän: korjaa luonnos alla tai pyydä muutoksia.",
        "Errors block approval: fix the draft below or request changes.");
    public static readonly LocalizedText NoFindings = new("Luonnoksesta ei löytynyt huomautettavaa.", "The draft has no findings.");
    public static readonly LocalizedText Error = new("Virhe", "Error");
    public static readonly LocalizedText Warning = new("Huomio", "Warning");
    public static readonly LocalizedText AnswersTitle = new("Sidosryhmien vastaukset", "Stakeholders' answers");
    public static readonly LocalizedText NoAnswers = new("Yksikään sidosryhmä ei vastannut.", "No stakeholder answered.");
    public static readonly LocalizedText NoAnswer = new("Ei vastausta.", "No answer.");
    public static readonly LocalizedText DraftTitle = new("Koottu luonnos", "Consolidated draft");
    public static readonly LocalizedText DraftText = new(
        "Luonnos yhdistää vastaukset: samannimiset kohdat on yhdistetty ja ehdottajat näytetään. Muokkaa luonnosta tarvittaessa – hyväksymäsi versio tulee strategiaan.",
        "The draft merges the answers: items with the same name are combined and their proposers shown. Edit it if needed: the version you approve goes into the strategy.");
    public static readonly LocalizedText DraftResponses = new("Yhteenveto vastauksista", "Summary answers");
    public static readonly LocalizedText DraftResponsesHint = new(
        "Strategiaan tuleva vastaus kuhunkin kysymykseen.", "The answer to each question that goes into the strategy.");
    public static readonly LocalizedText ProposedBy = new("Ehdottajat:", "Proposed by:");
    public static readonly LocalizedText Conflict = new("Eriäviä näkemyksiä – {0}:", "Differing views – {0}:");
    public static readonly LocalizedText Tie = new("Näkemykset jakautuivat tasan – {0}:", "Split evenly – {0}:");
    public static readonly LocalizedText TieChoose = new(
        "Sidosryhmien näkemykset jakautuivat tasan kohdassa ”{0}”. Valitse yksi:", "Stakeholders are split evenly on “{0}”. Choose one:");
    public static readonly LocalizedText TieOwn = new("Tai kirjoita oma vaihtoehtosi alle.", "Or write your own below.");
    public static readonly LocalizedText OtherConflicts = new("Eriäviä näkemyksiä kohdista, joita ei ole luonnoksessa", "Differing views on items not in the draft");
    public static readonly LocalizedText Empty = new("(tyhjä)", "(empty)");
    public static readonly LocalizedText DecisionTitle = new("Päätös", "Decision");
    public static readonly LocalizedText CommentLabel = new("Kommentti", "Comment");
    public static readonly LocalizedText CommentHint = new(
        "Pakollinen, jos pyydät muutoksia: kommentti näytetään sidosryhmille uuden kierroksen kutsussa ja lomakkeella.",
        "Required when you request changes: the stakeholders see it in the new round's email and form.");
    public static readonly LocalizedText CommentTooLong = new(
        $"Kommentti voi olla enintään {Limits.Comment} merkkiä.", $"The comment may be at most {Limits.Comment} characters.");
    public static readonly LocalizedText CommentRequired = new("Kerro sidosryhmille, mitä pitää muuttaa.", "Tell the stakeholders what to change.");
    public static readonly LocalizedText Approve = new("Hyväksy vaihe", "Approve stage");
    public static readonly LocalizedText RequestChanges = new("Pyydä muutoksia", "Request changes");
    public static readonly LocalizedText Reject = new("Hylkää strategia", "Reject strategy");
    public static readonly LocalizedText DecisionHint = new(
        "Hyväksyminen tallentaa luonnoksen sellaisena kuin se on yllä. Muutospyyntö avaa uuden kierroksen. Hylkääminen päättää koko strategian.",
        "Approving records the draft as it stands above. Requesting changes starts a new round. Rejecting ends the whole strategy.");

    public static readonly LocalizedText ReviewActivityTitle = new("Hyväksyjien päätökset ja muutokset tällä kierroksella", "Approvers' decisions and edits this round");
    public static readonly LocalizedText ActivityApproved = new("hyväksyi tämän version", "approved this version");
    public static readonly LocalizedText ActivityApprovedEarlier = new("hyväksyi aiemman version (ei enää voimassa)", "approved an earlier version (no longer counts)");
    public static readonly LocalizedText ActivityChangesRequested = new("pyysi muutoksia", "asked for changes");
    public static readonly LocalizedText ActivityRejected = new("hylkäsi strategian", "rejected the strategy");
    public static readonly LocalizedText ActivityEdited = new("muokkasi luonnosta", "edited the draft");
    public static readonly LocalizedText DraftChangedNotice = new(
        "Toinen hyväksyjä muutti luonnosta sillä välin, kun arvioit sitä. Alla on uusi versio; tekemiäsi muutoksia ei tallennettu. Tarkista se ja päätä uudelleen.",
        "Another approver changed the draft while you were reviewing it. The new version is below; your edits were not saved. Please check it and decide again.");
    public static readonly LocalizedText WaitingForOthers = new("Odotamme vielä muiden hyväksyjien päätöstä: {0}.", "Still waiting for the other approvers: {0}.");
    public static readonly LocalizedText DecidedBy = new("Päätöksen teki {0}.", "Decided by {0}.");

    // After an answer counted.
    public static readonly LocalizedText ReceiptTitle = new("Kiitos, vastauksesi on tallennettu", "Thank you, your answer is saved");
    public static readonly LocalizedText ReceiptText = new(
        "Vastauksesi strategian {0} vaiheeseen {1}/4 ({2}) on tallessa.",
        "Your answer to stage {1} of 4 of {0} ({2}) is saved.");
    public static readonly LocalizedText NextTitle = new("Mitä seuraavaksi tapahtuu", "What happens next");
    public static readonly LocalizedText NextText = new(
        "Kun kierros sulkeutuu, vastaukset kootaan luonnokseksi, jonka hyväksyjät käsittelevät. Jos he pyytävät muutoksia, saat sähköpostiviestin ja uuden linkin.",
        "When the round closes, the answers are merged into a draft for the approvers to review. If they ask for changes, you will get an email with a new link.");
    public static readonly LocalizedText EditUntil = new(
        "Voit muuttaa vastaustasi samasta linkistä, kunnes kierros sulkeutuu: viimeistään {0} tai jo aiemmin, jos kaikki ovat vastanneet.",
        "You can change your answer with the same link until the round closes: by {0} at the latest, or sooner if everyone has answered.");
    public static readonly LocalizedText EditAnswer = new("Muokkaa vastaustasi", "Edit your answer");
    public static readonly LocalizedText RoundNowClosed = new(
        "Kaikki ovat nyt vastanneet, joten kierros on päättynyt eikä vastausta voi enää muuttaa. Hyväksyjät käsittelevät vastaukset seuraavaksi.",
        "Everyone has now answered, so the round has closed and answers can no longer be changed. The approvers review them next.");
    public static readonly LocalizedText SavedAnswerTitle = new("Tallennettu vastauksesi", "Your answer as saved");

    // A link whose round is over.
    public static readonly LocalizedText ClosedReviewing = new(
        "Vastausaika on päättynyt, ja hyväksyjät käsittelevät nyt vastauksia. Näet vastauksesi alla, mutta sitä ei voi enää muuttaa.",
        "The time for answers is over and the approvers are now reviewing them. Your answer is below; it can no longer be changed.");
    public static readonly LocalizedText ClosedReopened = new(
        "Hyväksyjä pyysi muutoksia, ja vaihe on avattu uudelleen (kierros {0}). Sait siitä sähköpostiviestin, jossa on uusi linkki.",
        "An approver asked for changes and the stage is open again (round {0}). You were sent an email with a new link.");
    public static readonly LocalizedText ClosedReopenedApprover = new(
        "Vaihe palautettiin sidosryhmille muutettavaksi (kierros {0}). Saat sähköpostiviestin, kun uusi luonnos odottaa päätöstäsi.",
        "The stage went back to the stakeholders for changes (round {0}). You will get an email when the new draft awaits your decision.");
    public static readonly LocalizedText ClosedApproved = new("Vaihe hyväksyttiin {0}.", "The stage was approved on {0}.");
    public static readonly LocalizedText ClosedRejected = new("Strategia hylättiin tässä vaiheessa. Perustelu:", "The strategy was rejected at this stage. The reason given:");
    public static readonly LocalizedText ClosedCancelled = new("Strategian laatiminen on keskeytetty.", "Work on the strategy has been cancelled.");
    public static readonly LocalizedText ClosedNothingChanged = new(
        "Tämä linkki ei enää ota vastaan vastauksia eikä päätöksiä.", "This link no longer accepts answers or decisions.");
    public static readonly LocalizedText YourAnswerTitle = new("Vastauksesi kierroksella {0}", "Your answer in round {0}");
    public static readonly LocalizedText NoAnswerThisRound = new("Et vastannut tällä kierroksella.", "You did not answer in this round.");
    public static readonly LocalizedText YourDecisionTitle = new("Päätöksesi kierroksella {0}", "Your decision in round {0}");
    public static readonly LocalizedText YourDecision = new("{0} {1}.", "{0} on {1}.");
    public static readonly LocalizedText NoDecisionThisRound = new("Et tehnyt päätöstä tällä kierroksella.", "You made no decision in this round.");
    public static readonly LocalizedText ApprovedTitle = new("Hyväksytty sisältö", "As approved");
    public static readonly LocalizedText ApprovedByNames = new("Hyväksyjät: {0}", "Approved by {0}");

    // The strategy to read, and the owner's progress page.
    public static readonly LocalizedText ReaderEyebrow = new("Sosiaalisen median strategia", "Social media strategy");
    public static readonly LocalizedText ProgressEyebrow = new("Strategian eteneminen", "Strategy progress");
    public static readonly LocalizedText StatusTitle = new("Tilanne", "Status");
    public static readonly LocalizedText OutcomeCompleted = new(
        "Strategia on valmis: kaikki neljä vaihetta on hyväksytty ja strategia on arkistoitu.",
        "The strategy is complete: all four stages are approved and it has been archived.");
    public static readonly LocalizedText OutcomeRejected = new(
        "Strategia hylättiin. Alla on se, mitä ehdittiin hyväksyä.", "The strategy was rejected. Below is what had been approved by then.");
    public static readonly LocalizedText OutcomeCancelled = new(
        "Strategian laatiminen keskeytettiin. Alla on se, mitä ehdittiin hyväksyä.", "Work on the strategy was cancelled. Below is what had been approved by then.");
    public static readonly LocalizedText OutcomeFailed = new("Strategian käsittely pysähtyi virheeseen.", "The strategy stopped because of an error.");
    public static readonly LocalizedText OutcomeRunning = new(
        "Strategia on vielä työn alla. Hyväksyttyjä vaiheita on tähän mennessä {0}/4.", "The strategy is still being worked on. Stages approved so far: {0} of 4.");
    public static readonly LocalizedText ReasonGiven = new("Perustelu:", "Reason given:");
    public static readonly LocalizedText ReasonCancelled = new("Syy:", "Reason:");
    public static readonly LocalizedText DownloadTitle = new("Lataa strategia", "Download the strategy");
    public static readonly LocalizedText DownloadHtml = new("Tulostettava HTML-sivu", "Printable HTML page");
    public static readonly LocalizedText DownloadMarkdown = new("Markdown-tiedosto", "Markdown file");
    public static readonly LocalizedText DownloadJson = new("JSON-tiedosto", "JSON file");
    public static readonly LocalizedText DownloadHint = new(
        "Tulostettavan sivun voi tulostaa tai tallentaa PDF-tiedostoksi selaimen tulostustoiminnolla.",
        "You can print the printable page, or save it as a PDF with your browser's print function.");
    public static readonly LocalizedText AboutStrategy = new("Strategian tiedot", "About the strategy");
    public static readonly LocalizedText Owner = new("Omistaja", "Owner");
    public static readonly LocalizedText StartedAt = new("Aloitettu", "Started");
    public static readonly LocalizedText BusinessGoals = new("Liiketoiminnan tavoitteet", "Business goals");
    public static readonly LocalizedText ApprovedOnBy = new("Hyväksytty {2} kierroksella {0}. Hyväksyjät: {1}.", "Approved on {2} in round {0} by {1}.");
    public static readonly LocalizedText NotApprovedYet = new("Tätä vaihetta ei ole vielä hyväksytty.", "This stage is not approved yet.");
    public static readonly LocalizedText NotApprovedEnded = new("Tätä vaihetta ei hyväksytty.", "This stage was not approved.");
    public static readonly LocalizedText ReadOnlyNote = new("Tämä on lukulinkki: sivulla ei voi muuttaa mitään.", "This is a reading link: nothing can be changed here.");
    public static readonly LocalizedText ProgressNote = new(
        "Sivu näyttää tilanteen sillä hetkellä, kun avasit sen. Päivitä sivu nähdäksesi uusimman tilanteen.",
        "The page shows the situation when you opened it. Reload it to see the latest.");
    public static readonly LocalizedText StagesTitle = new("Vaiheet", "Stages");
    public static readonly LocalizedText StepApproved = new("Hyväksytty", "Approved");
    public static readonly LocalizedText StepInProgress = new("Käynnissä", "In progress");
    public static readonly LocalizedText StepRejected = new("Hylätty", "Rejected");
    public static readonly LocalizedText StepCancelled = new("Keskeytetty", "Stopped");
    public static readonly LocalizedText StepWaiting = new("Tulossa", "Not started");
    public static readonly LocalizedText ReadApprovedStage = new("Lue hyväksytty vaihe", "Read the approved stage");
    public static readonly LocalizedText StepCollecting = new("Kierros {0}: sidosryhmät vastaavat.", "Round {0}: the stakeholders are answering.");
    public static readonly LocalizedText StepReviewing = new("Kierros {0}: hyväksyjät päättävät.", "Round {0}: the approvers are deciding.");
    public static readonly LocalizedText RoundCollecting = new("Sidosryhmät vastaavat. Vastausaika päättyy {0}.", "The stakeholders are answering, until {0}.");
    public static readonly LocalizedText RoundReviewing = new(
        "Hyväksyjät päättävät vaiheesta. Päätöstä toivotaan viimeistään {0}.", "The approvers are deciding on the stage, by {0}.");
    public static readonly LocalizedText RoundEscalated = new(
        "Hyväksyntä on myöhässä: siitä on ilmoitettu sinulle sähköpostilla.", "The approval is late: you were told by email.");
    public static readonly LocalizedText Answered = new("Vastanneet", "Answered");
    public static readonly LocalizedText StillToAnswer = new("Vielä vastaamatta", "Not answered yet");
    public static readonly LocalizedText ApprovedSoFar = new("Hyväksyneet", "Approved");
    public static readonly LocalizedText StillToDecide = new("Päätöstä odotetaan", "Still to decide");
    public static readonly LocalizedText RemindersSent = new("Muistutuksia lähetetty tässä vaiheessa: {0}", "Reminders sent in this phase: {0}");
    public static readonly LocalizedText Nobody = new("Ei ketään.", "Nobody.");
    public static readonly LocalizedText DecisionsTitle = new("Päätökset", "Decisions");
    public static readonly LocalizedText NoDecisionsYet = new("Päätöksiä ei ole vielä tehty.", "No decisions yet.");
    public static readonly LocalizedText When = new("Milloin", "When");
    public static readonly LocalizedText StageColumn = new("Vaihe", "Stage");
    public static readonly LocalizedText Who = new("Kuka", "Who");
    public static readonly LocalizedText DecisionColumn = new("Päätös", "Decision");
    public static readonly LocalizedText DeliveryTitle = new("Toimitusongelmat", "Delivery problems");
    public static readonly LocalizedText DeliveryDelayed = new(
        "Viivästynyt toimitus: {0}. Ongelma on jatkunut {2} alkaen, ja epäonnistuneita yrityksiä on ollut {1}. StrategyFlow yrittää automaattisesti uudelleen.",
        "Delivery is delayed: {0}. It has been failing since {2} ({1} failed attempts so far); StrategyFlow keeps retrying by itself.");
    public static readonly LocalizedText UndeliverableText = new(
        "Sähköpostipalvelu hylkäsi nämä osoitteet, joten vastaanottajat eivät saa viestejä:",
        "The mail service refused these addresses, so they receive no mail:");
    public static readonly LocalizedText EventsTitle = new("Tapahtumat", "What happened");
    public static readonly LocalizedText EventStarted = new("Strategia käynnistettiin.", "The strategy was started.");
    public static readonly LocalizedText EventAnswered = new("{0} vastasi.", "{0} answered.");
    public static readonly LocalizedText EventRevised = new("{0} muokkasi vastaustaan.", "{0} revised their answer.");
    public static readonly LocalizedText EventReviewPrepared = new("Vastaukset koottiin luonnokseksi hyväksyjille.", "The answers were merged into a draft for the approvers.");
    public static readonly LocalizedText EventStageArchived = new("Vaihe hyväksyttiin ja tallennettiin arkistoon.", "The stage was approved and saved to the archive.");
    public static readonly LocalizedText EventStrategyArchived = new("Strategia arkistoitiin.", "The strategy was archived.");
    public static readonly LocalizedText EventDeliveryDelayed = new("Toimitus alkoi viivästyä: {0}.", "Delivery started to be delayed: {0}.");
    public static readonly LocalizedText EventEnded = new("Strategia päättyi.", "The strategy ended.");

    /// <summary>What a mail in the ledger was, as the progress page tells it ({0}: to whom).</summary>
    public static LocalizedText EventMail(string? kind) => kind switch
    {
        nameof(Mail.MailKind.Invitation) => new("Kutsu lähetettiin: {0}.", "Invitation sent to {0}."),
        nameof(Mail.MailKind.Reminder) => new("Muistutus lähetettiin: {0}.", "Reminder sent to {0}."),
        nameof(Mail.MailKind.SentBack) => new("Kutsu uudelle kierrokselle lähetettiin: {0}.", "Invitation to the new round sent to {0}."),
        nameof(Mail.MailKind.ReviewRequest) => new("Arviointipyyntö lähetettiin: {0}.", "Review request sent to {0}."),
        nameof(Mail.MailKind.ReviewReminder) => new("Arviointimuistutus lähetettiin: {0}.", "Review reminder sent to {0}."),
        nameof(Mail.MailKind.DraftChanged) => new("Pyyntö hyväksyä muuttunut luonnos lähetettiin: {0}.", "Request to approve the changed draft sent to {0}."),
        nameof(Mail.MailKind.Escalation) => new("Ilmoitus viivästyneestä hyväksynnästä lähetettiin: {0}.", "Notice of the late approval sent to {0}."),
        nameof(Mail.MailKind.DeliveryDelayed) => new("Ilmoitus toimituksen viivästymisestä lähetettiin: {0}.", "Notice of the delivery delay sent to {0}."),
        nameof(Mail.MailKind.Undeliverable) => new("Ilmoitus toimittamattomista viesteistä lähetettiin: {0}.", "Notice of undeliverable mail sent to {0}."),
        nameof(Mail.MailKind.StageApproved) => new("Ilmoitus hyväksytystä vaiheesta lähetettiin: {0}.", "Notice of the approved stage sent to {0}."),
        nameof(Mail.MailKind.Completed) or nameof(Mail.MailKind.Rejected) or nameof(Mail.MailKind.Cancelled) =>
            new("Ilmoitus lopputuloksesta lähetettiin: {0}.", "The outcome was mailed to {0}."),
        nameof(Mail.MailKind.FreshLink) => new("Uusi linkki lähetettiin pyynnöstä: {0}.", "A new link was sent on request to {0}."),
        nameof(Mail.MailKind.Started) => new("Aloitusvahvistus lähetettiin: {0}.", "Start confirmation sent to {0}."),
        _ => new("Viesti lähetettiin: {0}.", "Mail sent to {0}."),
    };

    // Expired link.
    public static readonly LocalizedText SendFreshLink = new("Lähetä uusi linkki", "Send me a new link");
    public static readonly LocalizedText FreshLinkHint = new(
        "Uusi linkki lähetetään vain tämän linkin alkuperäiselle saajalle.",
        "The new link goes only to the person this one was sent to.");

    // Notices: title and text.
    public static (LocalizedText Title, LocalizedText Text) Notice(NoticeKind kind) => kind switch
    {
        NoticeKind.AnswerReceived => (
            ReceiptTitle,
            new("Voit muokata vastaustasi samasta linkistä, kunnes vaihe sulkeutuu.",
                "You can revise it with the same link until the stage closes.")),
        NoticeKind.DecisionRecorded => (
            new("Päätöksesi on kirjattu", "Your decision is recorded"),
            new("Kiitos. Voit sulkea tämän sivun.", "Thank you. You can close this page.")),
        NoticeKind.RoundClosed => (
            new("Tämä kierros on päättynyt", "This round has closed"),
            new("Tämä linkki ei enää ota vastaan vastauksia eikä päätöksiä, eikä mitään muutettu. Jos vaihe avataan uudelleen, saat siitä sähköpostiviestin.",
                "This link no longer accepts answers or decisions, and nothing was changed. If the stage reopens, you will get a new email.")),
        NoticeKind.AnswerNotCounted => (
            new("Vastaustasi ei ehditty ottaa huomioon", "Your answer was not counted"),
            new("Kierros sulkeutui ennen kuin vastauksesi ehti perille, joten sitä ei käytetty. Jos vaihe avataan uudelleen, saat siitä sähköpostiviestin.",
                "The round closed before your answer arrived, so it was not used. If the stage reopens, you will get a new email.")),
        NoticeKind.AnswerPending => (
            new("Vastauksesi on tallessa, mutta sitä ei ole vielä vahvistettu", "Your answer is saved but not confirmed yet"),
            new("Työnkulku ei ehtinyt vahvistaa vastaustasi heti. Avaa linkki hetken kuluttua uudelleen: lomake näyttää sen vastauksen, joka on otettu huomioon.",
                "The workflow could not confirm your answer straight away. Open your link again in a minute: the form shows the answer that counts.")),
        NoticeKind.DecisionNotCounted => (
            new("Vaiheesta on jo päätetty", "This stage has already been decided"),
            new("Toinen päätös ehti ensin, joten päätöstäsi ei kirjattu.", "Another decision came first, so yours was not recorded.")),
        NoticeKind.DecisionPending => (
            new("Päätöksesi on lähetetty, mutta sitä ei ole vielä vahvistettu", "Your decision is sent but not confirmed yet"),
            new("Avaa linkki hetken kuluttua uudelleen nähdäksesi, kirjattiinko päätöksesi.", "Open your link again in a minute to see whether it was recorded.")),
        NoticeKind.LinkInvalid => (
            new("Linkki ei kelpaa", "This link is not valid"),
            new("Linkki voi olla vanhentunut tai kopioitunut vajaana. Pyydä uusi linkki viestin lähettäjältä.",
                "It may have expired or been copied incompletely. Please ask the person who sent it for a new link.")),
        NoticeKind.LinkExpired => (
            new("Linkki on vanhentunut", "This link has expired"),
            new("Voimme lähettää uuden linkin samaan sähköpostiosoitteeseen, johon tämä linkki aikanaan lähetettiin.",
                "We can send a new link to the email address this one was sent to.")),
        NoticeKind.FreshLinkSent => (
            new("Uusi linkki on matkalla", "A new link is on its way"),
            new("Uusi linkki lähetettiin samaan osoitteeseen kuin tämäkin. Jos viestiä ei näy muutaman minuutin kuluttua, katso myös roskapostikansio.",
                "We sent it to the same address as the expired one. If it has not arrived within a few minutes, please check your spam folder too.")),
        NoticeKind.NotFound => (
            new("Sivua ei löytynyt", "Page not found"),
            new("Tarkista osoite tai avaa linkki uudelleen sähköpostista.", "Please check the address, or open the link from your email again.")),
        NoticeKind.TooLarge => (
            new("Lähetys oli liian suuri", "The submission was too large"),
            new("Palaa takaisin, lyhennä pisimpiä tekstejä ja lähetä uudelleen.", "Please go back, shorten the longest texts and send again.")),
        NoticeKind.BadRequest or NoticeKind.UnsupportedMediaType => (
            new("Lähetystä ei voitu käsitellä", "The submission could not be processed"),
            new("Avaa lomake uudelleen sähköpostin linkistä ja yritä uudelleen.", "Please open the form again from the link in your email and try again.")),
        NoticeKind.ReaderAccessRevoked => (
            new("Lukuoikeus on peruttu", "Reading access has been withdrawn"),
            new("Tämän strategian lukulinkit on poistettu käytöstä. Jos tarvitset strategiaa, pyydä sitä sen omistajalta.",
                "The reading links of this strategy no longer work. If you need the strategy, please ask its owner.")),
        NoticeKind.NotArchivedYet => (
            new("Strategiaa ei ole vielä arkistoitu", "The strategy is not archived yet"),
            new("Strategian voi ladata, kun se on valmis ja arkistoitu. Linkistäsi näet sillä välin, mitä tähän mennessä on hyväksytty.",
                "It can be downloaded once it is finished and archived. Meanwhile your link shows what has been approved so far.")),
        NoticeKind.Unavailable => (
            new("Palvelu on hetkellisesti poissa käytöstä", "The service is briefly unavailable"),
            new("Yritä uudelleen muutaman minuutin kuluttua.", "Please try again in a few minutes.")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown notice."),
    };

    /// <summary>A decision as a label: "Approved", "Changes requested", "Rejected".</summary>
    public static LocalizedText Of(Core.Documents.DecisionKind decision) => decision switch
    {
        Core.Documents.DecisionKind.Approved => new("Hyväksytty", "Approved"),
        Core.Documents.DecisionKind.ChangesRequested => new("Muutoksia pyydetty", "Changes requested"),
        _ => new("Hylätty", "Rejected"),
    };

    public static string Format(this LocalizedText text, Language language, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, text.In(language), args);
}
