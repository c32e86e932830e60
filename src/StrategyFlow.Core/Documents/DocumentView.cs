using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;
using T = StrategyFlow.Core.Documents.DocumentText;

namespace StrategyFlow.Core.Documents;

/// <summary>How a value should stand out: the HTML page colours it, Markdown shows the words only.</summary>
internal enum Tone
{
    None,
    Positive,
    Warning,
    Negative,
}

/// <summary>One table cell or fact: zero or more lines of text (none is an empty cell), maybe a time.</summary>
internal sealed record Cell(IReadOnlyList<string> Lines, DateTimeOffset? At = null, Tone Tone = Tone.None, bool Code = false)
{
    public bool IsEmpty => Lines.Count == 0;

    public static Cell Text(string? text, Tone tone = Tone.None) =>
        new(string.IsNullOrWhiteSpace(text) ? [] : [text], Tone: tone);

    public static Cell List(IEnumerable<string> items) => new([.. items.Where(i => !string.IsNullOrWhiteSpace(i))]);

    public static Cell Hash(string? sha256) => Text(sha256) with { Code = true };

    /// <summary>The first 12 hex digits identify the content in a log; the full hash is in the stage's approval.</summary>
    public static Cell ShortHash(string? sha256) =>
        Hash(sha256 is { Length: > 12 } ? $"{sha256[..12]}…" : sha256);

    public static Cell Date(DateTimeOffset at, Language language) => new([T.Human(at, language)], at);
}

internal sealed record Fact(string Label, Cell Value);

internal sealed record DocumentTable(
    string Heading,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<Cell>> Rows,
    string WhenEmpty);

/// <summary>A guiding question and the approved answer as paragraphs of lines (none: not answered).</summary>
internal sealed record QuestionAnswer(string Question, IReadOnlyList<IReadOnlyList<string>> Paragraphs);

internal sealed record StageView(
    int Number,
    string Title,
    string Guidance,
    string Principle,
    IReadOnlyList<QuestionAnswer> Answers,
    IReadOnlyList<DocumentTable> Tables,
    IReadOnlyList<string> Contributors,
    IReadOnlyList<Fact> Approval);

/// <summary>
/// The document as the reader sees it, in its language: every heading, table and value decided once,
/// so the Markdown and HTML renderers only differ in markup and encoding.
/// </summary>
internal sealed record DocumentView(
    Language Language,
    string Title,
    string Organization,
    Fact Outcome,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<string> BusinessGoals,
    DocumentTable Overview,
    IReadOnlyList<StageView> Stages,
    DocumentTable Traceability,
    DocumentTable Findings,
    DocumentTable Decisions,
    string Footer)
{
    public string LanguageCode => Language == Language.Fi ? "fi" : "en";

    public static DocumentView Build(StrategyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var header = document.Strategy;
        var lang = header.Language;
        return new DocumentView(
            lang,
            header.Title,
            header.Organization,
            new Fact(T.Outcome.In(lang), Cell.Text(T.Of(document.Outcome).In(lang), OutcomeTone(document.Outcome))),
            [
                .. document.Reason is { } reason ? [new Fact(T.ReasonFor(document.Outcome).In(lang), Cell.Text(reason))] : Array.Empty<Fact>(),
                new(T.Organization.In(lang), Cell.Text(header.Organization)),
                new(T.Owner.In(lang), Cell.Text(PersonText(header.Owner))),
                new(T.Identifier.In(lang), Cell.Text(header.Id) with { Code = true }),
                new(T.Started.In(lang), Cell.Date(header.CreatedAt, lang)),
                new(T.Archived.In(lang), Cell.Date(document.ArchivedAt, lang)),
            ],
            [.. header.BusinessGoals.Where(g => !string.IsNullOrWhiteSpace(g))],
            OverviewTable(document, lang),
            [.. InnerCycle.Stages.Select(s => (Definition: s, Approved: document.StageOf(s.Key)))
                .Where(s => s.Approved is not null)
                .Select(s => Stage(s.Definition, s.Approved!, lang))],
            TraceabilityTable(document, lang),
            FindingsTable(document, lang),
            DecisionsTable(document, lang),
            $"{T.Footer.In(lang)} {document.SchemaVersion}.");
    }

    private static DocumentTable OverviewTable(StrategyDocument document, Language lang) => new(
        T.Overview.In(lang),
        [T.Stage.In(lang), T.Status.In(lang), T.Round.In(lang), T.ApprovedAt.In(lang), T.ApprovedBy.In(lang)],
        [.. InnerCycle.Stages.Select(stage => document.StageOf(stage.Key) is { } approved
            ? Row(Cell.Text(StageName(stage.Key, lang)), Cell.Text(T.StageApproved.In(lang), Tone.Positive), Number(approved.Round),
                Cell.Date(approved.ApprovedAt, lang), Cell.List(approved.ApprovedBy))
            : Row(Cell.Text(StageName(stage.Key, lang)), Cell.Text(T.StageNotApproved.In(lang)), Cell.Text(null),
                Cell.Text(null), Cell.Text(null)))],
        T.NoItems.In(lang));

    private static StageView Stage(StageDefinition definition, ApprovedStage approved, Language lang)
    {
        var responses = approved.Content.Responses;
        return new StageView(
            definition.Number,
            definition.Title.In(lang),
            definition.Guidance.In(lang),
            definition.Principle.In(lang),
            [.. definition.Questions.Select((q, i) => new QuestionAnswer(
                q.In(lang), i < responses.Count ? TextBlocks.Paragraphs(responses[i]) : []))],
            StageTables(approved.Stage, approved.Content, lang),
            [.. approved.Contributors.Where(c => !string.IsNullOrWhiteSpace(c))],
            [
                new(T.ApprovedBy.In(lang), Cell.List(approved.ApprovedBy)),
                new(T.ApprovedAt.In(lang), Cell.Date(approved.ApprovedAt, lang)),
                new(T.Round.In(lang), Number(approved.Round)),
                new(T.ContentSha256.In(lang), Cell.Hash(approved.ContentSha256)),
            ]);
    }

    private static IReadOnlyList<DocumentTable> StageTables(StageKey stage, StageAnswer content, Language lang) => stage switch
    {
        StageKey.Goals =>
        [
            Table(T.Goals, lang, [T.Goal, T.BusinessGoal, T.Metric, T.Target], content.Goals,
                g => [Cell.Text(g.Title), Cell.Text(g.BusinessGoal), Cell.Text(g.Metric), Cell.Text(g.Target)]),
        ],
        StageKey.Audiences =>
        [
            Table(T.Audiences, lang, [T.Audience, T.Description, T.Priority], content.Audiences,
                a => [Cell.Text(a.Name), Cell.Text(a.Description), Cell.Text(T.Of(a.Priority).In(lang))]),
            Table(T.Channels, lang, [T.Channel, T.Audiences, T.Purpose], content.Channels,
                c => [Cell.Text(c.Name), Cell.List(c.Audiences), Cell.Text(c.Purpose)]),
        ],
        StageKey.Activities =>
        [
            Table(T.Activities, lang, [T.Activity, T.Description, T.Goals, T.Channels, T.Cadence, T.Metric, T.ReviewEvery],
                content.Activities,
                a => [Cell.Text(a.Title), Cell.Text(a.Description), Cell.List(a.Goals), Cell.List(a.Channels),
                    Cell.Text(a.Cadence), Cell.Text(a.Metric), Cell.Text(a.ReviewEvery)]),
        ],
        _ =>
        [
            Table<Person>(T.OverallOwner, lang, [T.Who, T.Email], content.OverallOwner is { } owner ? [owner] : [],
                o => [Cell.Text(o.Name), Cell.Text(o.Email)], T.NoOverallOwner),
            Table(T.ChannelOwners, lang, [T.Channel, T.Owner], content.ChannelOwners,
                o => [Cell.Text(o.Channel), Cell.Text(o.Owner)]),
            Table(T.ActivityOwners, lang, [T.Activity, T.Owner], content.ActivityOwners,
                o => [Cell.Text(o.Activity), Cell.Text(o.Owner)]),
            Table(T.Participants, lang, [T.Who, T.Role], content.Participants,
                p => [Cell.Text(p.Who), Cell.Text(p.Role)]),
        ],
    };

    private static DocumentTable TraceabilityTable(StrategyDocument document, Language lang) =>
        Table(T.Traceability, lang, [T.BusinessGoal, T.Goal, T.Activity, T.Channel, T.ChannelOwner, T.ActivityOwner],
            document.Traceability,
            r => [Cell.Text(r.BusinessGoal), Cell.Text(r.Goal), Cell.Text(r.Activity), Cell.Text(r.Channel),
                Cell.Text(r.ChannelOwner), Cell.Text(r.ActivityOwner)],
            T.NoTraceability);

    private static DocumentTable FindingsTable(StrategyDocument document, Language lang) =>
        Table(T.Findings, lang, [T.Severity, T.Stage, T.Subject, T.Finding, T.Rule],
            document.Findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Stage),
            f => [Cell.Text(T.Of(f.Severity).In(lang), f.Severity == Coherence.Severity.Error ? Tone.Negative : Tone.Warning),
                Cell.Text(StageName(f.Stage, lang)), Cell.Text(f.Subject), Cell.Text(f.Message.In(lang)),
                Cell.Text(f.RuleId) with { Code = true }],
            T.NoFindings);

    private static DocumentTable DecisionsTable(StrategyDocument document, Language lang) =>
        Table(T.Decisions, lang, [T.When, T.Stage, T.Round, T.Approver, T.Decision, T.Comment, T.ContentSha256],
            document.Decisions,
            d => [Cell.Date(d.At, lang), Cell.Text(StageName(d.Stage, lang)), Number(d.Round), Cell.Text(d.Approver),
                Cell.Text(T.Of(d.Decision).In(lang), DecisionTone(d.Decision)), Cell.Text(d.Comment), Cell.ShortHash(d.ContentSha256)],
            T.NoDecisions);

    private static DocumentTable Table<TItem>(
        LocalizedText heading,
        Language lang,
        LocalizedText[] columns,
        IEnumerable<TItem> items,
        Func<TItem, Cell[]> row,
        LocalizedText? whenEmpty = null) =>
        new(heading.In(lang), [.. columns.Select(c => c.In(lang))], [.. items.Select(i => (IReadOnlyList<Cell>)row(i))],
            (whenEmpty ?? T.NoItems).In(lang));

    private static IReadOnlyList<Cell> Row(params Cell[] cells) => cells;

    private static Cell Number(int value) => Cell.Text(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string StageName(StageKey stage, Language lang) =>
        Enum.IsDefined(stage) ? $"{stage.Number()}. {InnerCycle.Get(stage).Title.In(lang)}" : stage.ToString();

    private static string PersonText(Person? person) => person switch
    {
        null => "",
        { Email: var email } when string.IsNullOrWhiteSpace(email) => person.Name,
        _ when string.IsNullOrWhiteSpace(person.Name) => person.Email,
        _ => $"{person.Name} ({person.Email})",
    };

    private static Tone OutcomeTone(DocumentOutcome outcome) => outcome switch
    {
        DocumentOutcome.Approved => Tone.Positive,
        DocumentOutcome.Rejected => Tone.Negative,
        _ => Tone.Warning,
    };

    private static Tone DecisionTone(DecisionKind decision) => decision switch
    {
        DecisionKind.Approved => Tone.Positive,
        DecisionKind.Rejected => Tone.Negative,
        _ => Tone.Warning,
    };
}
