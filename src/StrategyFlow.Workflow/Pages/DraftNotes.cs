using System.Globalization;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// What the review page says next to each item of the draft: who proposed it, where stakeholders disagreed (an
/// even split as a choice the approver makes), and the coherence findings about it. Each finding is shown on the
/// row it concerns, and the row's anchor is remembered, so the findings list and the error summary at the top
/// link to it. Conflicts about items the draft no longer holds are listed once above it.
/// </summary>
internal sealed class DraftNotes(ConsolidatedDraft consolidated, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, string> names, Language language)
{
    /// <summary>The radio group of an even split posts <c>choose.{conflict}</c> = the index of the chosen value.</summary>
    public const string ChoicePrefix = "choose.";

    /// <summary>Rules whose finding concerns an item of a list, named by the finding's subject.</summary>
    private static readonly Dictionary<string, string> RuleLists = new(StringComparer.Ordinal)
    {
        [CoherenceRules.GoalWithoutBusinessGoal] = AnswerLists.Goals,
        [CoherenceRules.GoalWithUnknownBusinessGoal] = AnswerLists.Goals,
        [CoherenceRules.GoalWithoutMetric] = AnswerLists.Goals,
        [CoherenceRules.ChannelWithoutAudience] = AnswerLists.Channels,
        [CoherenceRules.AudienceWithoutChannel] = AnswerLists.Audiences,
        [CoherenceRules.ActivityWithoutGoal] = AnswerLists.Activities,
        [CoherenceRules.ActivityWithoutChannel] = AnswerLists.Activities,
        [CoherenceRules.ActivityWithoutMetric] = AnswerLists.Activities,
        [CoherenceRules.ActivityWithoutReview] = AnswerLists.Activities,
        [CoherenceRules.GoalWithoutActivity] = AnswerLists.Activities,
        [CoherenceRules.NoOverallOwner] = AnswerLists.OverallOwner,
        [CoherenceRules.ChannelWithoutOwner] = AnswerLists.ChannelOwners,
        [CoherenceRules.ActivityWithoutOwner] = AnswerLists.ActivityOwners,
    };

    private readonly HashSet<Conflict> _shown = [];
    private readonly string?[] _anchors = new string?[findings.Count];

    private IReadOnlyList<Conflict> Conflicts => consolidated.Conflicts ?? [];

    /// <summary>The findings in the order given, each with the anchor of the row (or list) that shows it.</summary>
    public IEnumerable<(Finding Finding, string? Anchor)> Placed() => findings.Select((f, i) => (f, _anchors[i]));

    public void Annotate(HtmlBuilder html, EditorList list, Row row, string rowId)
    {
        var key = row.One(list.KeyField.Name);
        bool Matches(string itemList, string itemKey) =>
            string.Equals(itemList, list.Name, StringComparison.Ordinal) && (list.Single || TextKey.Same(itemKey, key));

        var contributors = (consolidated.Items ?? [])
            .Where(i => Matches(i.List, i.Key))
            .SelectMany(i => i.Contributors)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (contributors.Count > 0)
        {
            html.Open("ul", ("class", "chips")).Element("li", PageText.ProposedBy.In(language), ("class", "label"));
            foreach (var contributor in contributors)
            {
                html.Element("li", Name(contributor));
            }

            html.Close("ul");
        }

        for (var f = 0; f < findings.Count; f++)
        {
            if (_anchors[f] is null && Place(findings[f]) is { } place && Matches(place.List, place.Key ?? key) && place.Key is not null)
            {
                _anchors[f] = rowId;
                WriteFinding(html, findings[f]);
            }
        }

        for (var c = 0; c < Conflicts.Count; c++)
        {
            var conflict = Conflicts[c];
            if (!Matches(conflict.List, conflict.Key) || !_shown.Add(conflict))
            {
                continue;
            }

            var field = list.Fields.FirstOrDefault(f => string.Equals(f.Name, conflict.Field, StringComparison.Ordinal))?.Label.In(language)
                ?? list.Title.In(language);
            if (conflict.IsTie && IsEmpty(list, row, conflict))
            {
                WriteChoice(html, c, field, conflict);
            }
            else
            {
                WriteConflict(html, (conflict.IsTie ? PageText.Tie : PageText.Conflict).Format(language, field), conflict);
            }
        }
    }

    /// <summary>Findings no row showed (an approved goal no activity serves) point at their list; the rest at the findings.</summary>
    public void PlaceTheRest(IReadOnlyList<EditorList> lists)
    {
        for (var f = 0; f < findings.Count; f++)
        {
            if (_anchors[f] is null && Place(findings[f]) is { } place && lists.Any(l => l.Name == place.List))
            {
                _anchors[f] = StageEditor.Id(place.List);
            }
        }
    }

    /// <summary>Conflicts that no row of the editor showed (the item was renamed or removed in the draft).</summary>
    public void WriteUnshown(HtmlBuilder html)
    {
        var unshown = Conflicts.Where(c => !_shown.Contains(c)).ToList();
        if (unshown.Count > 0)
        {
            html.Element("h3", PageText.OtherConflicts.In(language));
        }

        foreach (var conflict in unshown)
        {
            var heading = PageText.Conflict.Format(language, $"{conflict.List} · {conflict.Key} · {conflict.Field}");
            WriteConflict(html, heading, conflict);
        }
    }

    /// <summary>
    /// The draft as posted, with each even split the approver chose from filled in; a value they typed
    /// themselves wins. The person of an overall-owner split is taken whole from the answer that named them.
    /// </summary>
    public static StageAnswer ApplyChoices(StageAnswer draft, Microsoft.AspNetCore.Http.IFormCollection form, ConsolidatedDraft consolidated, IReadOnlyList<ContributedAnswer> answers)
    {
        var conflicts = consolidated.Conflicts ?? [];
        for (var c = 0; c < conflicts.Count; c++)
        {
            var conflict = conflicts[c];
            if (!conflict.IsTie
                || !int.TryParse(form[ChoicePrefix + c.ToString(CultureInfo.InvariantCulture)].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var chosen)
                || chosen >= conflict.Values.Count
                || StageLists.Find(draft.Stage, conflict.List) is not { } list)
            {
                continue;
            }

            var value = conflict.Values[chosen].Value;
            var rows = list.ToRows(draft).ToList();
            if (list.Single)
            {
                var person = answers.Select(a => a.Answer.OverallOwner).FirstOrDefault(p => p is not null && Consolidator.Display(Trimmed(p)) == value);
                if (person is not null && (rows.Count == 0 || IsEmpty(list, rows[0], conflict)))
                {
                    draft = list.WithRows(draft, [new Row().Set("name", person.Name.Trim()).Set("email", person.Email.Trim())]);
                }

                continue;
            }

            if (rows.FirstOrDefault(r => TextKey.Same(r.One(list.KeyField.Name), conflict.Key)) is { } row && IsEmpty(list, row, conflict))
            {
                row.Set(conflict.Field, value);
                draft = list.WithRows(draft, rows);
            }
        }

        return draft;
    }

    /// <summary>Where a finding belongs: the list, and the item's key (null when it concerns the list as a whole).</summary>
    private (string List, string? Key)? Place(Finding finding)
    {
        if (finding.RuleId is CoherenceRules.UnresolvedTie or CoherenceRules.OwnerConflict)
        {
            // Both name the conflict by its key (empty for an overall owner nobody has chosen yet).
            var conflict = Conflicts.FirstOrDefault(c => (c.IsTie || finding.RuleId == CoherenceRules.OwnerConflict) && TextKey.Same(c.Key, finding.Subject));
            return conflict is null ? null : (conflict.List, conflict.Key);
        }

        if (!RuleLists.TryGetValue(finding.RuleId, out var list))
        {
            return null;
        }

        // An approved goal that no activity serves has no row of its own: it concerns the activities list.
        return finding.RuleId == CoherenceRules.GoalWithoutActivity ? (list, null) : (list, list == AnswerLists.OverallOwner ? "" : finding.Subject);
    }

    private static bool IsEmpty(EditorList list, Row row, Conflict conflict) =>
        list.Single ? row.One("name").Length == 0 && row.One("email").Length == 0 : row.One(conflict.Field).Length == 0;

    private static Person Trimmed(Person person) => new(person.Name.Trim(), person.Email.Trim());

    private string Name(string email) => names.TryGetValue(email, out var name) && !string.IsNullOrWhiteSpace(name) ? name : email;

    private void WriteFinding(HtmlBuilder html, Finding finding)
    {
        var error = finding.Severity == Severity.Error;
        html.Open("p", ("class", error ? "finding error" : "finding warning"))
            .Element("span", (error ? PageText.Error : PageText.Warning).In(language), ("class", error ? "badge error" : "badge warning"))
            .Text(" " + finding.Message?.In(language))
            .Close("p");
    }

    /// <summary>An even split: the values as radio buttons, none chosen; the field below takes a value of the approver's own.</summary>
    private void WriteChoice(HtmlBuilder html, int index, string field, Conflict conflict)
    {
        var name = ChoicePrefix + index.ToString(CultureInfo.InvariantCulture);
        var id = "tie-" + index.ToString(CultureInfo.InvariantCulture);
        html.Open("fieldset", ("class", "conflict tie"), ("id", id))
            .Element("legend", PageText.TieChoose.Format(language, field));
        for (var v = 0; v < conflict.Values.Count; v++)
        {
            var value = conflict.Values[v];
            var boxId = $"{id}-{v.ToString(CultureInfo.InvariantCulture)}";
            html.Open("label", ("class", "check"), ("for", boxId))
                .Void("input", ("type", "radio"), ("id", boxId), ("name", name), ("value", v.ToString(CultureInfo.InvariantCulture)))
                .Text(ValueText(value))
                .Close("label");
        }

        html.Element("p", PageText.TieOwn.In(language), ("class", "hint")).Close("fieldset");
    }

    private void WriteConflict(HtmlBuilder html, string heading, Conflict conflict)
    {
        html.Open("div", ("class", "conflict"), ("role", "note"))
            .Element("strong", heading)
            .Open("ul");
        foreach (var value in conflict.Values ?? [])
        {
            html.Element("li", ValueText(value));
        }

        html.Close("ul").Close("div");
    }

    private string ValueText(ConflictingValue value) =>
        $"{(string.IsNullOrEmpty(value.Value) ? PageText.Empty.In(language) : $"“{value.Value}”")} – {string.Join(", ", (value.Contributors ?? []).Select(Name))}";
}
