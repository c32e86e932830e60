using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Coherence;

/// <summary>
/// Ties the consolidation left for the approver: a field on which stakeholders were split evenly, still empty in
/// the draft. Each is one finding that asks for a choice; findings about the same empty field would only repeat it.
/// </summary>
internal static class Ties
{
    /// <summary>What each field is called in a message: "the owner of the channel “LinkedIn”", "kanavan ”LinkedIn” vastuuhenkilö".</summary>
    private static readonly Dictionary<string, LocalizedText> FieldNames = new(StringComparer.Ordinal)
    {
        ["businessGoal"] = new("liiketoiminnan tavoite", "business goal"),
        ["metric"] = new("mittari", "metric"),
        ["target"] = new("tavoitetaso", "target"),
        ["description"] = new("kuvaus", "description"),
        ["purpose"] = new("käyttötarkoitus", "purpose"),
        ["cadence"] = new("toistuvuus", "cadence"),
        ["reviewEvery"] = new("arviointiväli", "review interval"),
        ["owner"] = new("vastuuhenkilö", "owner"),
        ["role"] = new("rooli", "role"),
    };

    /// <summary>The item a list's field belongs to, in Finnish genitive and in English.</summary>
    private static readonly Dictionary<string, LocalizedText> ItemNames = new(StringComparer.Ordinal)
    {
        [AnswerLists.Goals] = new("tavoitteen", "goal"),
        [AnswerLists.Audiences] = new("kohderyhmän", "audience"),
        [AnswerLists.Channels] = new("kanavan", "channel"),
        [AnswerLists.Activities] = new("aktiviteetin", "activity"),
        [AnswerLists.ChannelOwners] = new("kanavan", "channel"),
        [AnswerLists.ActivityOwners] = new("aktiviteetin", "activity"),
        [AnswerLists.Participants] = new("osallistujan", "participant"),
    };

    /// <summary>Which list and field each rule about a missing value is about: a tie on that field says it better.</summary>
    private static readonly Dictionary<string, (string List, string Field)> MissingValueRules = new(StringComparer.Ordinal)
    {
        [CoherenceRules.GoalWithoutBusinessGoal] = (AnswerLists.Goals, "businessGoal"),
        [CoherenceRules.GoalWithoutMetric] = (AnswerLists.Goals, "metric"),
        [CoherenceRules.ActivityWithoutMetric] = (AnswerLists.Activities, "metric"),
        [CoherenceRules.ActivityWithoutReview] = (AnswerLists.Activities, "reviewEvery"),
        [CoherenceRules.NoOverallOwner] = (AnswerLists.OverallOwner, Consolidator.PersonField),
        [CoherenceRules.ChannelWithoutOwner] = (AnswerLists.ChannelOwners, "owner"),
        [CoherenceRules.ActivityWithoutOwner] = (AnswerLists.ActivityOwners, "owner"),
    };

    /// <summary>The ties of this draft's stage whose field the draft still leaves empty.</summary>
    public static List<Conflict> Unresolved(StageAnswer draft, IReadOnlyList<Conflict> conflicts) =>
    [
        .. conflicts.Where(c => c is not null && c.IsTie && AnswerLists.All.Contains(c.List) && AnswerLists.StageOf(c.List) == draft.Stage
            && Value(draft, c) is { } value && value.IsBlank()),
    ];

    public static LocalizedText Message(Conflict tie)
    {
        var (fi, en) = tie.List == AnswerLists.OverallOwner
            ? ("kokonaisvastuu", "the overall owner")
            : ($"{ItemNames[tie.List].Fi} {Quote.Fi(tie.Key)} {FieldNames.GetValueOrDefault(tie.Field)?.Fi ?? tie.Field}",
                $"the {FieldNames.GetValueOrDefault(tie.Field)?.En ?? tie.Field} of the {ItemNames[tie.List].En} {Quote.En(tie.Key)}");
        return new(
            $"Sidosryhmien näkemykset jakautuivat tasan: {fi}. Valitse yksi ehdotuksista tai kirjoita oma.",
            $"Stakeholders are split evenly on {en}. Choose one of their answers or write your own.");
    }

    /// <summary>Whether a finding of <paramref name="ruleId"/> about <paramref name="subject"/> is the same empty field as one of the ties.</summary>
    public static bool Cover(IReadOnlyList<Conflict> ties, string ruleId, string subject) =>
        MissingValueRules.TryGetValue(ruleId, out var about)
        && ties.Any(t => t.List == about.List && t.Field == about.Field && (t.List == AnswerLists.OverallOwner || TextKey.Same(t.Key, subject)));

    /// <summary>The draft's value of the tied field; null when the draft no longer has the item.</summary>
    public static string? Value(StageAnswer draft, Conflict c)
    {
        if (c.List != AnswerLists.OverallOwner && !FieldNames.ContainsKey(c.Field))
        {
            return null; // a priority: never empty, so never left to choose
        }

        if (c.List == AnswerLists.OverallOwner)
        {
            return draft.OverallOwner is { } owner && !(owner.Name.IsBlank() && owner.Email.IsBlank()) ? $"{owner.Name} {owner.Email}".Trim() : string.Empty;
        }

        string? Field<T>(IReadOnlyList<T>? items, Func<T, string?> key, Func<T, string, string?> field)
            where T : class =>
            items.OrEmpty().FirstOrDefault(i => i is not null && TextKey.Same(key(i), c.Key)) is { } item ? field(item, c.Field).OrEmpty() : null;

        return c.List switch
        {
            AnswerLists.Goals => Field(draft.Goals, g => g.Title, (g, f) => f switch { "businessGoal" => g.BusinessGoal, "metric" => g.Metric, "target" => g.Target, _ => null }),
            AnswerLists.Audiences => Field(draft.Audiences, a => a.Name, (a, f) => f == "description" ? a.Description : null),
            AnswerLists.Channels => Field(draft.Channels, ch => ch.Name, (ch, f) => f == "purpose" ? ch.Purpose : null),
            AnswerLists.Activities => Field(draft.Activities, a => a.Title, (a, f) => f switch
            {
                "description" => a.Description, "cadence" => a.Cadence, "metric" => a.Metric, "reviewEvery" => a.ReviewEvery, _ => null,
            }),
            AnswerLists.ChannelOwners => Field(draft.ChannelOwners, o => o.Channel, (o, f) => f == "owner" ? o.Owner : null),
            AnswerLists.ActivityOwners => Field(draft.ActivityOwners, o => o.Activity, (o, f) => f == "owner" ? o.Owner : null),
            AnswerLists.Participants => Field(draft.Participants, p => p.Who, (p, f) => f == "role" ? p.Role : null),
            _ => null,
        };
    }
}
