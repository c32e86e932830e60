using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// What the consolidation knows about each item of the draft: who proposed it, and where stakeholders
/// disagreed. Shown next to the item on the review page; conflicts about items the draft no longer
/// holds are listed once above it.
/// </summary>
internal sealed class DraftNotes(ConsolidatedDraft consolidated, Language language)
{
    private readonly HashSet<Conflict> _shown = [];

    public void Annotate(HtmlBuilder html, EditorList list, Row row)
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
                html.Element("li", contributor);
            }

            html.Close("ul");
        }

        foreach (var conflict in (consolidated.Conflicts ?? []).Where(c => Matches(c.List, c.Key)))
        {
            _shown.Add(conflict);
            var field = list.Fields.FirstOrDefault(f => string.Equals(f.Name, conflict.Field, StringComparison.Ordinal))?.Label.In(language)
                ?? conflict.Field;
            WriteConflict(html, PageText.Conflict.Format(language, field), conflict);
        }
    }

    /// <summary>Conflicts that no row of the editor showed (the item was renamed or removed in the draft).</summary>
    public void WriteUnshown(HtmlBuilder html)
    {
        var unshown = (consolidated.Conflicts ?? []).Where(c => !_shown.Contains(c)).ToList();
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

    private void WriteConflict(HtmlBuilder html, string heading, Conflict conflict)
    {
        html.Open("div", ("class", "conflict"), ("role", "note"))
            .Element("strong", heading)
            .Open("ul");
        foreach (var value in conflict.Values ?? [])
        {
            var text = string.IsNullOrEmpty(value.Value) ? PageText.Empty.In(language) : $"“{value.Value}”";
            html.Element("li", $"{text} – {string.Join(", ", value.Contributors ?? [])}");
        }

        html.Close("ul").Close("div");
    }
}
