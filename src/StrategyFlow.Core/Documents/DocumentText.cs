using System.Globalization;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Documents;

/// <summary>The document's own words in both languages, and how it writes dates.</summary>
internal static class DocumentText
{
    public static readonly LocalizedText Organization = new("Organisaatio", "Organisation");
    public static readonly LocalizedText Owner = new("Omistaja", "Owner");
    public static readonly LocalizedText Outcome = new("Lopputulos", "Outcome");
    public static readonly LocalizedText Identifier = new("Tunniste", "Identifier");
    public static readonly LocalizedText Started = new("Aloitettu", "Started");
    public static readonly LocalizedText Archived = new("Arkistoitu", "Archived");
    public static readonly LocalizedText BusinessGoals = new("Liiketoiminnan tavoitteet", "Business goals");
    public static readonly LocalizedText NoBusinessGoals = new("Liiketoiminnan tavoitteita ei ole kirjattu.", "No business goals were recorded.");

    public static readonly LocalizedText Overview = new("Vaiheet", "Stages");
    public static readonly LocalizedText Stage = new("Vaihe", "Stage");
    public static readonly LocalizedText Status = new("Tila", "Status");
    public static readonly LocalizedText Round = new("Kierros", "Round");
    public static readonly LocalizedText ApprovedAt = new("Hyväksytty", "Approved");
    public static readonly LocalizedText ApprovedBy = new("Hyväksyjät", "Approved by");
    public static readonly LocalizedText StageApproved = new("Hyväksytty", "Approved");
    public static readonly LocalizedText StageNotApproved = new("Ei hyväksytty", "Not approved");

    public static readonly LocalizedText Principle = new("Periaate", "Principle");
    public static readonly LocalizedText GuidingQuestions = new("Ohjaavat kysymykset", "Guiding questions");
    public static readonly LocalizedText NoAnswer = new("Ei vastausta.", "No answer.");
    public static readonly LocalizedText Contributors = new("Vastanneet", "Contributors");
    public static readonly LocalizedText NoContributors = new("Ei vastaajia.", "No contributors.");
    public static readonly LocalizedText Approval = new("Hyväksyntä", "Approval");
    public static readonly LocalizedText ContentSha256 = new("Sisällön SHA-256", "Content SHA-256");
    public static readonly LocalizedText NoItems = new("Ei kohteita.", "No items.");

    public static readonly LocalizedText Goals = new("Tavoitteet", "Goals");
    public static readonly LocalizedText Goal = new("Tavoite", "Goal");
    public static readonly LocalizedText BusinessGoal = new("Liiketoiminnan tavoite", "Business goal");
    public static readonly LocalizedText Metric = new("Mittari", "Metric");
    public static readonly LocalizedText Target = new("Tavoitetaso", "Target");

    public static readonly LocalizedText Audiences = new("Kohderyhmät", "Audiences");
    public static readonly LocalizedText Audience = new("Kohderyhmä", "Audience");
    public static readonly LocalizedText Description = new("Kuvaus", "Description");
    public static readonly LocalizedText Priority = new("Prioriteetti", "Priority");
    public static readonly LocalizedText Channels = new("Kanavat", "Channels");
    public static readonly LocalizedText Channel = new("Kanava", "Channel");
    public static readonly LocalizedText Purpose = new("Tarkoitus", "Purpose");

    public static readonly LocalizedText Activities = new("Aktiviteetit", "Activities");
    public static readonly LocalizedText Activity = new("Aktiviteetti", "Activity");
    public static readonly LocalizedText Cadence = new("Rytmi", "Cadence");
    public static readonly LocalizedText ReviewEvery = new("Arviointiväli", "Review every");

    public static readonly LocalizedText OverallOwner = new("Kokonaisvastuu", "Overall owner");
    public static readonly LocalizedText NoOverallOwner = new("Kokonaisvastuuta ei ole nimetty.", "No overall owner was named.");
    public static readonly LocalizedText ChannelOwners = new("Kanavien omistajat", "Channel owners");
    public static readonly LocalizedText ActivityOwners = new("Aktiviteettien omistajat", "Activity owners");
    public static readonly LocalizedText Participants = new("Osallistujat", "Participants");
    public static readonly LocalizedText Who = new("Kuka", "Who");
    public static readonly LocalizedText Role = new("Rooli", "Role");
    public static readonly LocalizedText Email = new("Sähköposti", "Email");

    public static readonly LocalizedText Traceability = new("Jäljitettävyys", "Traceability");
    public static readonly LocalizedText TraceabilityIntro = new(
        "Jokainen hyväksytty tavoite, sitä palvelevat aktiviteetit, niiden kanavat ja omistajat. Tyhjä solu on aukko strategiassa.",
        "Every approved goal, the activities that serve it, their channels and owners. An empty cell is a gap in the strategy.");
    public static readonly LocalizedText ChannelOwner = new("Kanavan omistaja", "Channel owner");
    public static readonly LocalizedText ActivityOwner = new("Aktiviteetin omistaja", "Activity owner");
    public static readonly LocalizedText NoTraceability = new("Hyväksyttyjä tavoitteita ei ole.", "There are no approved goals.");

    public static readonly LocalizedText Findings = new("Johdonmukaisuushavainnot", "Coherence findings");
    public static readonly LocalizedText Severity = new("Vakavuus", "Severity");
    public static readonly LocalizedText Subject = new("Kohde", "Subject");
    public static readonly LocalizedText Finding = new("Havainto", "Finding");
    public static readonly LocalizedText Rule = new("Sääntö", "Rule");
    public static readonly LocalizedText NoFindings = new("Ei havaintoja.", "No findings.");

    public static readonly LocalizedText Decisions = new("Päätösloki", "Decision log");
    public static readonly LocalizedText When = new("Ajankohta", "When");
    public static readonly LocalizedText Approver = new("Hyväksyjä", "Approver");
    public static readonly LocalizedText Decision = new("Päätös", "Decision");
    public static readonly LocalizedText Comment = new("Kommentti", "Comment");
    public static readonly LocalizedText NoDecisions = new("Ei päätöksiä.", "No decisions.");

    public static readonly LocalizedText Footer = new(
        "StrategyFlow arkistoi tämän asiakirjan. Ajat ovat UTC-aikaa. Skeemaversio",
        "Archived by StrategyFlow. Times are in UTC. Schema version");

    /// <summary>Shown in place of an empty cell.</summary>
    public const string Empty = "—";

    public static LocalizedText Of(DocumentOutcome outcome) => outcome switch
    {
        DocumentOutcome.Approved => new("Hyväksytty", "Approved"),
        DocumentOutcome.Rejected => new("Hylätty", "Rejected"),
        _ => new("Peruttu", "Cancelled"),
    };

    /// <summary>What the reason an ended strategy gives is called: a rejection's reasoning, a cancellation's cause.</summary>
    public static LocalizedText ReasonFor(DocumentOutcome outcome) =>
        outcome == DocumentOutcome.Rejected ? new("Perustelu", "Reason given") : new("Syy", "Reason");

    public static LocalizedText Of(DecisionKind decision) => decision switch
    {
        DecisionKind.Approved => new("Hyväksytty", "Approved"),
        DecisionKind.ChangesRequested => new("Muutoksia pyydetty", "Changes requested"),
        _ => new("Hylätty", "Rejected"),
    };

    public static LocalizedText Of(Severity severity) =>
        severity == Coherence.Severity.Error ? new("Virhe", "Error") : new("Varoitus", "Warning");

    public static LocalizedText Of(AudiencePriority priority) => priority switch
    {
        AudiencePriority.High => new("Korkea", "High"),
        AudiencePriority.Medium => new("Keskitaso", "Medium"),
        _ => new("Matala", "Low"),
    };

    /// <summary>ISO 8601 in UTC, for machines and for the <c>datetime</c> attribute.</summary>
    public static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// For people, in UTC (the footer says so). The invariant culture on purpose: its month names and
    /// separators are fixed in .NET, while ICU's (Finnish time separator, English "Sept") vary by machine.
    /// </summary>
    public static string Human(DateTimeOffset at, Language language) =>
        at.UtcDateTime.ToString(language == Language.Fi ? "d.M.yyyy HH':'mm" : "d MMM yyyy HH':'mm", CultureInfo.InvariantCulture);
}
