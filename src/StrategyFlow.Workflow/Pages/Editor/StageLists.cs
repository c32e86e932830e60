using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>The structured lists of each stage (docs/design.md §3), as edited by the stakeholder form and the review page.</summary>
internal static class StageLists
{
    private static readonly LocalizedText MetricLabel = new("Mittari", "Metric");
    private static readonly LocalizedText DescriptionLabel = new("Kuvaus", "Description");
    private static readonly LocalizedText OwnerLabel = new("Vastuuhenkilö", "Owner");

    public static EditorList Goals { get; } = new(
        "goals",
        new("Tavoitteet", "Goals"),
        new("Tavoite", "Goal"),
        [
            new("title", FieldKind.Text, new("Tavoite", "Goal")),
            new("businessGoal", FieldKind.Select, new("Tukee liiketoiminnan tavoitetta", "Supports the business goal"))
            {
                Optional = true,
                Choices = static scope => scope.Context.BusinessGoals.Select(g => new Choice(g, g)),
            },
            new("metric", FieldKind.Text, MetricLabel) { Hint = new("Miten onnistumista mitataan?", "How is success measured?") },
            new("target", FieldKind.Text, new("Tavoitetaso", "Target")) { Hint = new("Esim. 500 liidiä vuodessa", "E.g. 500 leads a year") },
        ])
    {
        Hint = new(
            "Kirjaa konkreettiset sosiaalisen median tavoitteet ja valitse, mitä liiketoiminnan tavoitetta kukin tukee.",
            "List concrete social media goals and choose which business goal each one supports."),
        ToRows = static a => a.Goals.Select(g => new Row()
            .Set("title", g.Title).Set("businessGoal", g.BusinessGoal).Set("metric", g.Metric).Set("target", g.Target)),
        WithRows = static (a, rows) => a with
        {
            Goals = [.. rows.Select(r => new Goal(r.One("title"), r.One("businessGoal"), r.One("metric"), r.One("target")))],
        },
    };

    public static EditorList Audiences { get; } = new(
        "audiences",
        new("Kohderyhmät", "Audiences"),
        new("Kohderyhmä", "Audience"),
        [
            new("name", FieldKind.Text, new("Kohderyhmä", "Audience")),
            new("priority", FieldKind.Select, new("Tärkeys", "Priority"))
            {
                Default = PriorityValue(AudiencePriority.Medium),
                Choices = static scope => Enum.GetValues<AudiencePriority>().Select(p => new Choice(PriorityValue(p), PriorityLabel(p, scope.Language))),
            },
            new("description", FieldKind.Area, DescriptionLabel, Limits.MediumText)
            {
                Hint = new("Keitä he ovat ja mikä heitä kiinnostaa?", "Who are they and what interests them?"),
            },
        ])
    {
        ToRows = static a => a.Audiences.Select(x => new Row()
            .Set("name", x.Name).Set("priority", PriorityValue(x.Priority)).Set("description", x.Description)),
        WithRows = static (a, rows) => a with
        {
            Audiences = [.. rows.Select(r => new Audience(r.One("name"), r.One("description"), ParsePriority(r.One("priority"))))],
        },
    };

    public static EditorList Channels { get; } = new(
        "channels",
        new("Kanavat", "Channels"),
        new("Kanava", "Channel"),
        [
            new("name", FieldKind.Text, new("Kanava", "Channel")) { Hint = new("Esim. LinkedIn", "E.g. LinkedIn") },
            new("audiences", FieldKind.Choices, new("Kohderyhmät, jotka kanava tavoittaa", "Audiences this channel reaches"))
            {
                FreeText = true,
                Choices = static scope => scope.Answer.Audiences.Select(x => x.Name).Where(n => n.Length > 0).Select(n => new Choice(n, n)),
            },
            new("purpose", FieldKind.Area, new("Käyttötarkoitus", "Purpose"), Limits.MediumText)
            {
                Hint = new("Mihin kanavaa käytetään?", "What is the channel used for?"),
            },
        ])
    {
        ToRows = static a => a.Channels.Select(c => new Row().Set("name", c.Name).Set("audiences", c.Audiences).Set("purpose", c.Purpose)),
        WithRows = static (a, rows) => a with
        {
            Channels = [.. rows.Select(r => new Channel(r.One("name"), r.Many("audiences"), r.One("purpose")))],
        },
    };

    public static EditorList Activities { get; } = new(
        "activities",
        new("Aktiviteetit", "Activities"),
        new("Aktiviteetti", "Activity"),
        [
            new("title", FieldKind.Text, new("Aktiviteetti", "Activity")),
            new("description", FieldKind.Area, DescriptionLabel, Limits.MediumText),
            new("goals", FieldKind.Choices, new("Tavoitteet, joita aktiviteetti palvelee", "Goals this activity serves"))
            {
                Choices = static scope => scope.Context.ApprovedGoals.Select(g => new Choice(g, g)),
            },
            new("channels", FieldKind.Choices, new("Kanavat, joilla aktiviteetti toteutetaan", "Channels it runs on"))
            {
                Choices = static scope => scope.Context.ApprovedChannels.Select(c => new Choice(c, c)),
            },
            new("cadence", FieldKind.Text, new("Toistuvuus", "Cadence")) { Hint = new("Esim. kaksi julkaisua viikossa", "E.g. two posts a week") },
            new("metric", FieldKind.Text, MetricLabel) { Hint = new("Esim. liidien määrä", "E.g. number of leads") },
            new("reviewEvery", FieldKind.Text, new("Tulokset arvioidaan", "Results reviewed")) { Hint = new("Esim. kuukausittain", "E.g. monthly") },
        ])
    {
        Hint = new(
            "Jokainen aktiviteetti palvelee hyväksyttyjä tavoitteita, toteutetaan hyväksytyillä kanavilla ja sen vaikutusta mitataan.",
            "Every activity serves approved goals, runs on approved channels and has its effect measured."),
        ToRows = static a => a.Activities.Select(x => new Row()
            .Set("title", x.Title).Set("description", x.Description).Set("goals", x.Goals).Set("channels", x.Channels)
            .Set("cadence", x.Cadence).Set("metric", x.Metric).Set("reviewEvery", x.ReviewEvery)),
        WithRows = static (a, rows) => a with
        {
            Activities =
            [
                .. rows.Select(r => new Activity(
                    r.One("title"), r.One("description"), r.Many("goals"), r.Many("channels"),
                    r.One("cadence"), r.One("metric"), r.One("reviewEvery"))),
            ],
        },
    };

    public static EditorList OverallOwner { get; } = new(
        "overallOwner",
        new("Kokonaisvastuu", "Overall owner"),
        new("Kokonaisvastuu", "Overall owner"),
        [
            new("name", FieldKind.Text, new("Nimi", "Name")),
            new("email", FieldKind.Email, new("Sähköposti", "Email"), Limits.Email),
        ])
    {
        Single = true,
        Hint = new(
            "Yksi henkilö, joka vastaa sosiaalisen median strategiasta ja näkyvyydestä kokonaisuutena.",
            "One person who owns the social media strategy and visibility as a whole."),
        ToRows = static a => a.OverallOwner is { } owner ? [new Row().Set("name", owner.Name).Set("email", owner.Email)] : [],
        WithRows = static (a, rows) => a with
        {
            OverallOwner = rows.Count > 0 ? new Person(rows[0].One("name"), rows[0].One("email")) : null,
        },
    };

    public static EditorList ChannelOwners { get; } = new(
        "channelOwners",
        new("Kanavien vastuuhenkilöt", "Channel owners"),
        new("Kanava", "Channel"),
        [
            new("channel", FieldKind.Fixed, new("Kanava", "Channel")),
            new("owner", FieldKind.Text, OwnerLabel),
        ])
    {
        FixedKeys = static scope => scope.Context.ApprovedChannels,
        Hint = new(
            "Kirjaa jokaiselle hyväksytylle kanavalle vastuuhenkilö: nimi, sähköpostiosoite tai yksikkö.",
            "Name an owner for every approved channel: a person's name, an email address or a unit."),
        ToRows = static a => a.ChannelOwners.Select(x => new Row().Set("channel", x.Channel).Set("owner", x.Owner)),
        WithRows = static (a, rows) => a with
        {
            ChannelOwners = [.. rows.Select(r => new ChannelOwner(r.One("channel"), r.One("owner")))],
        },
    };

    public static EditorList ActivityOwners { get; } = new(
        "activityOwners",
        new("Aktiviteettien vastuuhenkilöt", "Activity owners"),
        new("Aktiviteetti", "Activity"),
        [
            new("activity", FieldKind.Fixed, new("Aktiviteetti", "Activity")),
            new("owner", FieldKind.Text, OwnerLabel),
        ])
    {
        FixedKeys = static scope => scope.Context.ApprovedActivities,
        Hint = new(
            "Kirjaa jokaiselle hyväksytylle aktiviteetille vastuuhenkilö: nimi, sähköpostiosoite tai yksikkö.",
            "Name an owner for every approved activity: a person's name, an email address or a unit."),
        ToRows = static a => a.ActivityOwners.Select(x => new Row().Set("activity", x.Activity).Set("owner", x.Owner)),
        WithRows = static (a, rows) => a with
        {
            ActivityOwners = [.. rows.Select(r => new ActivityOwner(r.One("activity"), r.One("owner")))],
        },
    };

    public static EditorList Participants { get; } = new(
        "participants",
        new("Osallistujat", "Participants"),
        new("Osallistuja", "Participant"),
        [
            new("who", FieldKind.Text, new("Henkilö tai yksikkö", "Person or unit")),
            new("role", FieldKind.Area, new("Rooli", "Role"), Limits.MediumText),
        ])
    {
        Hint = new(
            "Ketkä työntekijät ja mitkä yksiköt ovat mukana sosiaalisen median työssä, ja mikä on heidän roolinsa?",
            "Which employees and units take part in the social media work, and in what role?"),
        ToRows = static a => a.Participants.Select(x => new Row().Set("who", x.Who).Set("role", x.Role)),
        WithRows = static (a, rows) => a with
        {
            Participants = [.. rows.Select(r => new Participant(r.One("who"), r.One("role")))],
        },
    };

    public static IReadOnlyList<EditorList> For(StageKey stage) => stage switch
    {
        StageKey.Goals => [Goals],
        StageKey.Audiences => [Audiences, Channels],
        StageKey.Activities => [Activities],
        StageKey.Ownership => [OverallOwner, ChannelOwners, ActivityOwners, Participants],
        _ => [],
    };

    public static EditorList? Find(StageKey stage, string? name) =>
        For(stage).FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.Ordinal));

    public static string PriorityValue(AudiencePriority priority) => priority switch
    {
        AudiencePriority.High => "high",
        AudiencePriority.Low => "low",
        _ => "medium",
    };

    public static string PriorityLabel(AudiencePriority priority, Language language) => priority switch
    {
        AudiencePriority.High => language == Language.Fi ? "Korkea" : "High",
        AudiencePriority.Low => language == Language.Fi ? "Matala" : "Low",
        _ => language == Language.Fi ? "Keskitaso" : "Medium",
    };

    /// <summary>Anything but a known value reads as medium: the select always offers exactly these three.</summary>
    public static AudiencePriority ParsePriority(string? value) => value switch
    {
        "high" => AudiencePriority.High,
        "low" => AudiencePriority.Low,
        _ => AudiencePriority.Medium,
    };
}
