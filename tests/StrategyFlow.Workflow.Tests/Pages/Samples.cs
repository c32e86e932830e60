using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Pages;

namespace StrategyFlow.Workflow.Tests.Pages;

/// <summary>A realistic strategy: what earlier stages approved and a full answer for every stage.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Deadline = new(2027, 3, 14, 16, 0, 0, TimeSpan.Zero);

    public static StrategyContext Context { get; } = new()
    {
        BusinessGoals = ["Kasvattaa B2B-liidejä 20 %", "Vahvistaa työnantajakuvaa"],
        ApprovedGoals = ["Lisää liidejä LinkedInistä", "Näkyvyys rekrytoinnissa"],
        ApprovedChannels = ["LinkedIn", "Instagram"],
        ApprovedActivities = ["Asiakastarinat", "Työntekijälähettilyys"],
    };

    public static FormHeader Header(StageKey stage, Language language = Language.Fi, int round = 1) =>
        new(language, "Acme Oy", "Sosiaalisen median strategia 2027", stage, round, "Sanna Sidosryhmä", Deadline);

    public static StageAnswer Answer(StageKey stage) => stage switch
    {
        StageKey.Goals => StageAnswer.Empty(stage) with
        {
            Responses = ["Asiakkaamme etsivät tietoa somesta.\nSiksi meidän pitää olla siellä & näkyä <oikein>.", "Liidejä ja parempaa työnantajakuvaa."],
            Goals =
            [
                new("Lisää liidejä LinkedInistä", "Kasvattaa B2B-liidejä 20 %", "Liidien määrä", "500 vuodessa"),
                new("Näkyvyys rekrytoinnissa", "Vahvistaa työnantajakuvaa", "Hakemusten määrä", "+30 %"),
            ],
        },
        StageKey.Audiences => StageAnswer.Empty(stage) with
        {
            Responses = ["IT-päättäjien.", "LinkedInissä ja Instagramissa.", "LinkedInissä."],
            Audiences =
            [
                new("IT-päättäjät", "Keskisuurten yritysten IT-johtajat.", AudiencePriority.High),
                new("Opiskelijat", "Tekniikan opiskelijat.", AudiencePriority.Low),
            ],
            Channels =
            [
                new("LinkedIn", ["IT-päättäjät"], "Asiantuntijuuden osoittaminen."),
                new("Instagram", ["Opiskelijat", "Alumnit"], "Työnantajakuva."),
            ],
        },
        StageKey.Activities => StageAnswer.Empty(stage) with
        {
            Responses = ["Molemmat.", "Asiakastarinat ja työntekijöiden omat julkaisut."],
            Activities =
            [
                new("Asiakastarinat", "Kuukausittainen asiakastarina\nvideona ja tekstinä.", ["Lisää liidejä LinkedInistä"], ["LinkedIn"], "Kerran kuussa", "Liidit", "Neljännesvuosittain"),
                new("Rekrytointivideot", "Lyhyet videot.", ["Näkyvyys rekrytoinnissa", "Vanha tavoite"], ["Instagram"], "Viikoittain", "Hakemukset", "Kuukausittain"),
            ],
        },
        StageKey.Ownership => StageAnswer.Empty(stage) with
        {
            Responses = ["Viestintäjohtaja.", "Tiimit.", "Viestintä ja HR."],
            OverallOwner = new("Olli Omistaja", "olli@acme.example"),
            ChannelOwners = [new("LinkedIn", "Sanna"), new("Instagram", "Matti"), new("TikTok", "Liisa")],
            ActivityOwners = [new("Asiakastarinat", "Sanna")],
            Participants = [new("Viestintä", "Julkaisee ja moderoi."), new("HR", "Rekrytointisisällöt.")],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static StakeholderFormModel Form(StageKey stage, Language language = Language.Fi, IReadOnlyList<FieldError>? errors = null, string? sendBack = null) =>
        new(Header(stage, language, sendBack is null ? 1 : 2), Answer(stage), Context, sendBack, errors ?? []);

    public static ReviewPageModel Review(StageKey stage, Language language = Language.Fi, IReadOnlyList<FieldError>? errors = null)
    {
        var sanna = Answer(stage);
        var matti = sanna with { Responses = [.. sanna.Responses.Select(r => "Matti: " + r)] };
        var draft = sanna;
        var (list, key, field) = stage switch
        {
            StageKey.Goals => ("goals", "Lisää liidejä LinkedInistä", "metric"),
            StageKey.Audiences => ("channels", "LinkedIn", "purpose"),
            StageKey.Activities => ("activities", "Asiakastarinat", "cadence"),
            _ => ("channelOwners", "LinkedIn", "owner"),
        };
        var consolidated = new ConsolidatedDraft(
            stage,
            draft,
            [new ItemContributors(list, key, ["sanna@acme.example", "matti@acme.example"])],
            [new ContributorResponses("sanna@acme.example", sanna.Responses), new ContributorResponses("matti@acme.example", matti.Responses)],
            [
                new Conflict(list, key, field, [new("Arvo A", ["sanna@acme.example"]), new("Arvo B", ["matti@acme.example"])]),
                new Conflict(list, "Poistettu kohta", field, [new("X", ["sanna@acme.example"]), new("", ["matti@acme.example"])]),
            ]);
        Finding[] findings =
        [
            new("goal-metric", Severity.Warning, stage, "Näkyvyys rekrytoinnissa", new("Tavoitteelta puuttuu mittari.", "The goal has no metric.")),
            new("activity-goal", Severity.Error, stage, "Rekrytointivideot", new("Aktiviteetti ei palvele hyväksyttyä tavoitetta.", "The activity serves no approved goal.")),
        ];
        return new ReviewPageModel(
            Header(stage, language) with { ParticipantName = "Aino Hyväksyjä" },
            [new("sanna@acme.example", sanna), new("matti@acme.example", matti)],
            ["pekka@acme.example"],
            consolidated,
            draft,
            findings,
            Context,
            errors ?? [],
            "");
    }

    public static TheoryData<StageKey, Language> StagesAndLanguages()
    {
        var data = new TheoryData<StageKey, Language>();
        foreach (var stage in StageKeys.InOrder)
        {
            data.Add(stage, Language.Fi);
            data.Add(stage, Language.En);
        }

        return data;
    }

    public static LocalizedText Message(string text) => new(text + " (fi)", text);
}
