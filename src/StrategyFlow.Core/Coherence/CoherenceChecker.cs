using System.Text.Json.Serialization;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Coherence;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("error")] Error,
}

/// <summary>One coherence finding: a stable rule id, how serious, the item it concerns, and why.</summary>
public sealed record Finding(string RuleId, Severity Severity, StageKey Stage, string Subject, LocalizedText Message);

/// <summary>
/// The checks of docs/design.md §4, run on every consolidated draft. Errors block approval. Findings come in
/// <see cref="CoherenceRules.All"/> order, then by subject; the subject is the title or name of the item
/// concerned (empty when the finding concerns the stage as a whole).
/// </summary>
public static class CoherenceChecker
{
    public static IReadOnlyList<Finding> Check(StageAnswer draft, StrategyContext context, IReadOnlyList<Conflict>? conflicts = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(context);

        var ties = Ties.Unresolved(draft, conflicts.OrEmpty());
        var findings = new Findings(draft.Stage, ties);
        foreach (var tie in ties)
        {
            findings.Add(CoherenceRules.UnresolvedTie, tie.Key, Ties.Message(tie));
        }

        switch (draft.Stage)
        {
            case StageKey.Goals:
                CheckGoals(findings, draft, context);
                break;
            case StageKey.Audiences:
                CheckAudiencesAndChannels(findings, draft);
                break;
            case StageKey.Activities:
                CheckActivities(findings, draft, context);
                break;
            case StageKey.Ownership:
                CheckOwnership(findings, draft, context, conflicts.OrEmpty());
                break;
        }

        return findings.InOrder();
    }

    public static bool HasErrors(this IEnumerable<Finding> findings) => findings.Any(f => f.Severity == Severity.Error);

    private static void CheckGoals(Findings findings, StageAnswer draft, StrategyContext context)
    {
        var businessGoals = context.BusinessGoals.KeySet();
        foreach (var goal in draft.Goals.OrEmpty().Where(g => g is not null))
        {
            var title = goal.Title.OrEmpty();
            if (goal.BusinessGoal.IsBlank())
            {
                findings.Add(CoherenceRules.GoalWithoutBusinessGoal, title, new(
                    $"Tavoite {Quote.Fi(title)} ei kerro, mitä liiketoiminnan tavoitetta se tukee. Valitse se strategian liiketoiminnan tavoitteista.",
                    $"The goal {Quote.En(title)} does not say which business goal it supports. Choose one of the strategy's business goals."));
            }
            else if (!businessGoals.Contains(TextKey.Normalize(goal.BusinessGoal)))
            {
                findings.Add(CoherenceRules.GoalWithUnknownBusinessGoal, title, new(
                    $"Tavoitteen {Quote.Fi(title)} liiketoiminnan tavoite {Quote.Fi(goal.BusinessGoal)} ei ole strategian liiketoiminnan tavoitteissa. Valitse jokin niistä.",
                    $"The goal {Quote.En(title)} names {Quote.En(goal.BusinessGoal)}, which is not one of the strategy's business goals. Choose one of them."));
            }

            if (goal.Metric.IsBlank())
            {
                findings.Add(CoherenceRules.GoalWithoutMetric, title, new(
                    $"Tavoitteelta {Quote.Fi(title)} puuttuu mittari: miten tiedätte, että se on saavutettu?",
                    $"The goal {Quote.En(title)} has no metric: how will you know it has been reached?"));
            }
        }
    }

    private static void CheckAudiencesAndChannels(Findings findings, StageAnswer draft)
    {
        var audiences = draft.Audiences.OrEmpty().Where(a => a is not null).ToList();
        var channels = draft.Channels.OrEmpty().Where(c => c is not null).ToList();
        var definedAudiences = audiences.Select(a => a.Name).KeySet();
        var reachedAudiences = channels.SelectMany(c => c.Audiences.OrEmpty()).KeySet();

        foreach (var channel in channels)
        {
            // An audience the stage does not define is reached by no one: it does not count.
            if (!channel.Audiences.OrEmpty().Any(a => definedAudiences.Contains(TextKey.Normalize(a))))
            {
                var name = channel.Name.OrEmpty();
                findings.Add(CoherenceRules.ChannelWithoutAudience, name, new(
                    $"Kanava {Quote.Fi(name)} ei tavoita yhtään kohderyhmää. Valitse kohderyhmät, joita sillä tavoitellaan, tai harkitse kanavasta luopumista.",
                    $"The channel {Quote.En(name)} reaches none of the audiences. Choose the audiences it is for, or reconsider the channel."));
            }
        }

        foreach (var audience in audiences.Where(a => !reachedAudiences.Contains(TextKey.Normalize(a.Name))))
        {
            var name = audience.Name.OrEmpty();
            findings.Add(CoherenceRules.AudienceWithoutChannel, name, new(
                $"Kohderyhmää {Quote.Fi(name)} ei tavoiteta millään kanavalla. Lisää se jonkin kanavan kohderyhmiin.",
                $"No channel reaches the audience {Quote.En(name)}. Add it to a channel's audiences."));
        }
    }

    private static void CheckActivities(Findings findings, StageAnswer draft, StrategyContext context)
    {
        var approvedGoals = context.ApprovedGoals.KeySet();
        var approvedChannels = context.ApprovedChannels.KeySet();
        var activities = draft.Activities.OrEmpty().Where(a => a is not null).ToList();
        foreach (var activity in activities)
        {
            var title = activity.Title.OrEmpty();
            if (!activity.Goals.OrEmpty().Any(g => approvedGoals.Contains(TextKey.Normalize(g))))
            {
                findings.Add(CoherenceRules.ActivityWithoutGoal, title, new(
                    $"Aktiviteetti {Quote.Fi(title)} ei palvele yhtään hyväksyttyä tavoitetta. Valitse tavoitteet, joita se edistää.",
                    $"The activity {Quote.En(title)} serves none of the approved goals. Choose the goals it advances."));
            }

            if (!activity.Channels.OrEmpty().Any(c => approvedChannels.Contains(TextKey.Normalize(c))))
            {
                findings.Add(CoherenceRules.ActivityWithoutChannel, title, new(
                    $"Aktiviteettia {Quote.Fi(title)} ei toteuteta millään hyväksytyllä kanavalla. Valitse kanavat, joilla se toteutetaan.",
                    $"The activity {Quote.En(title)} runs on none of the approved channels. Choose the channels it runs on."));
            }

            if (activity.Metric.IsBlank())
            {
                findings.Add(CoherenceRules.ActivityWithoutMetric, title, new(
                    $"Aktiviteetilta {Quote.Fi(title)} puuttuu mittari, jolla sen vaikutusta seurataan.",
                    $"The activity {Quote.En(title)} has no metric to follow its effect."));
            }

            if (activity.ReviewEvery.IsBlank())
            {
                findings.Add(CoherenceRules.ActivityWithoutReview, title, new(
                    $"Aktiviteetilta {Quote.Fi(title)} puuttuu arviointiväli: kuinka usein sen tuloksia tarkastellaan?",
                    $"The activity {Quote.En(title)} has no review interval: how often are its results reviewed?"));
            }
        }

        var servedGoals = activities.SelectMany(a => a.Goals.OrEmpty()).KeySet();
        foreach (var goal in Distinct(context.ApprovedGoals).Where(g => !servedGoals.Contains(TextKey.Normalize(g))))
        {
            findings.Add(CoherenceRules.GoalWithoutActivity, goal, new(
                $"Hyväksytylle tavoitteelle {Quote.Fi(goal)} ei ole yhtään aktiviteettia.",
                $"No activity serves the approved goal {Quote.En(goal)}."));
        }
    }

    private static void CheckOwnership(Findings findings, StageAnswer draft, StrategyContext context, IReadOnlyList<Conflict> conflicts)
    {
        if (draft.OverallOwner is not { } owner || (owner.Name.IsBlank() && owner.Email.IsBlank()))
        {
            findings.Add(CoherenceRules.NoOverallOwner, string.Empty, new(
                "Strategialle ei ole nimetty kokonaisuudesta vastaavaa omistajaa. Nimeä yksi henkilö.",
                "No one is named as the owner of the strategy as a whole. Name one person."));
        }

        var ownedChannels = draft.ChannelOwners.OrEmpty().Where(o => o is not null && !o.Owner.IsBlank()).Select(o => o.Channel).KeySet();
        foreach (var channel in Distinct(context.ApprovedChannels).Where(c => !ownedChannels.Contains(TextKey.Normalize(c))))
        {
            findings.Add(CoherenceRules.ChannelWithoutOwner, channel, new(
                $"Hyväksytyllä kanavalla {Quote.Fi(channel)} ei ole omistajaa.",
                $"The approved channel {Quote.En(channel)} has no owner."));
        }

        var ownedActivities = draft.ActivityOwners.OrEmpty().Where(o => o is not null && !o.Owner.IsBlank()).Select(o => o.Activity).KeySet();
        foreach (var activity in Distinct(context.ApprovedActivities).Where(a => !ownedActivities.Contains(TextKey.Normalize(a))))
        {
            findings.Add(CoherenceRules.ActivityWithoutOwner, activity, new(
                $"Hyväksytyllä aktiviteetilla {Quote.Fi(activity)} ei ole omistajaa.",
                $"The approved activity {Quote.En(activity)} has no owner."));
        }

        foreach (var conflict in conflicts.Where(c => c is not null && c.Values.OrEmpty().Count > 1 && IsOwnership(c.List)))
        {
            // The value the draft has now: the majority's, or the one the approver chose on a tie (none yet: the tie's own finding asks).
            var chosen = conflict.IsTie ? ChosenOwner(draft, conflict) : conflict.Values[0].Value;
            if (chosen.IsBlank())
            {
                continue;
            }

            var fi = string.Join("; ", conflict.Values.Select(v => $"{Quote.Fi(v.Value)} ({string.Join(", ", v.Contributors.OrEmpty())})"));
            var en = string.Join("; ", conflict.Values.Select(v => $"{Quote.En(v.Value)} ({string.Join(", ", v.Contributors.OrEmpty())})"));
            var key = conflict.Key.OrEmpty();
            findings.Add(CoherenceRules.OwnerConflict, key, conflict.List == AnswerLists.OverallOwner
                ? new(
                    $"Sidosryhmät nimesivät eri henkilöitä vastaamaan kokonaisuudesta: {fi}. Luonnoksessa on nyt {Quote.Fi(chosen)}; tarkista valinta.",
                    $"Stakeholders named different overall owners: {en}. The draft now has {Quote.En(chosen)}; check the choice.")
                : new(
                    $"Sidosryhmät nimesivät kohteelle {Quote.Fi(key)} eri vastuuhenkilöitä: {fi}. Luonnoksessa on nyt {Quote.Fi(chosen)}; tarkista valinta.",
                    $"Stakeholders named different owners for {Quote.En(key)}: {en}. The draft now has {Quote.En(chosen)}; check the choice."));
        }
    }

    private static string ChosenOwner(StageAnswer draft, Conflict conflict) =>
        conflict.List == AnswerLists.OverallOwner
            ? draft.OverallOwner is { } owner ? Consolidator.Display(new Person(owner.Name.OrEmpty().Trim(), owner.Email.OrEmpty().Trim())) : string.Empty
            : Ties.Value(draft, conflict).OrEmpty();

    private static bool IsOwnership(string? list) =>
        list is AnswerLists.OverallOwner or AnswerLists.ChannelOwners or AnswerLists.ActivityOwners;

    /// <summary>The non-blank texts, each item once (by <see cref="TextKey"/>).</summary>
    private static IEnumerable<string> Distinct(IReadOnlyList<string>? texts) =>
        texts.OrEmpty().Where(t => !t.IsBlank()).DistinctBy(TextKey.Normalize, StringComparer.Ordinal);

    /// <summary>The findings so far; one about a field an unresolved tie already names is left out.</summary>
    private sealed class Findings(StageKey stage, IReadOnlyList<Conflict> ties)
    {
        private readonly List<Finding> _found = [];

        public void Add(string ruleId, string subject, LocalizedText message)
        {
            if (ruleId == CoherenceRules.UnresolvedTie || !Ties.Cover(ties, ruleId, subject))
            {
                _found.Add(new Finding(ruleId, CoherenceRules.Get(ruleId).Severity, stage, subject, message));
            }
        }

        public List<Finding> InOrder() =>
        [
            .. _found
                .OrderBy(f => CoherenceRules.IndexOf(f.RuleId))
                .ThenBy(f => TextKey.Normalize(f.Subject), StringComparer.Ordinal)
                .ThenBy(f => f.Subject, StringComparer.Ordinal),
        ];
    }
}
