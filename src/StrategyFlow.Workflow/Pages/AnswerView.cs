using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// Stage content, read-only: the free-text answers per guiding question and the lists as tables (stacked on a
/// phone) or, for lists with many fields, one small card per item. The review page shows every stakeholder's
/// answer this way; the receipt, the closed round and the strategy pages show one answer or approved stage.
/// </summary>
internal static class AnswerView
{
    private const int MaxTableColumns = 4;

    /// <summary>Every stakeholder's answer, one section each, headed by the person's name (their email below it).</summary>
    public static void Write(
        HtmlBuilder html, StageDefinition stage, IReadOnlyList<ContributedAnswer> answers, StrategyContext context, Language language, IReadOnlyDictionary<string, string> names)
    {
        html.Open("section", ("class", "card"), ("id", "answers"), ("aria-labelledby", "h-answers"))
            .Element("h2", PageText.AnswersTitle.In(language), ("id", "h-answers"));
        if (answers.Count == 0)
        {
            html.Element("p", PageText.NoAnswers.In(language), ("class", "empty"));
        }

        for (var a = 0; a < answers.Count; a++)
        {
            var (contributor, answer) = (answers[a].Contributor, answers[a].Answer);
            var headingId = "h-answer-" + a.ToString(System.Globalization.CultureInfo.InvariantCulture);
            html.Open("section", ("class", "contribution"), ("aria-labelledby", headingId));
            Person(html, "h3", headingId, contributor, names);
            Content(html, stage, answer, context, language);
            html.Close("section");
        }

        html.Close("section");
    }

    /// <summary>A person's name as a heading, their email in small print below it (only the email when the name is unknown).</summary>
    public static void Person(HtmlBuilder html, string heading, string id, string email, IReadOnlyDictionary<string, string> names)
    {
        if (names.TryGetValue(email, out var name) && !string.IsNullOrWhiteSpace(name))
        {
            html.Element(heading, name, ("id", id)).Element("p", email, ("class", "meta email"));
        }
        else
        {
            html.Element(heading, email, ("id", id));
        }
    }

    /// <summary>One answer or approved stage: each guiding question with its answer, then the stage's lists.</summary>
    public static void Content(HtmlBuilder html, StageDefinition stage, StageAnswer? answer, StrategyContext context, Language language)
    {
        html.Open("dl", ("class", "responses"));
        for (var q = 0; q < stage.Questions.Count; q++)
        {
            var response = answer is not null && q < answer.Responses.Count ? answer.Responses[q] : string.Empty;
            html.Element("dt", stage.Questions[q].In(language));
            if (string.IsNullOrWhiteSpace(response))
            {
                html.Element("dd", PageText.NoAnswer.In(language), ("class", "empty"));
            }
            else
            {
                html.Element("dd", response, ("class", "answer"));
            }
        }

        html.Close("dl");
        if (answer is null)
        {
            return;
        }

        var scope = new EditorScope(answer, context, language);
        foreach (var list in StageLists.For(stage.Key))
        {
            Table(html, list, scope);
        }
    }

    private static void Table(HtmlBuilder html, EditorList list, EditorScope scope)
    {
        var rows = list.ToRows(scope.Answer).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        if (list.Fields.Count > MaxTableColumns)
        {
            Items(html, list, rows, scope);
            return;
        }

        html.Open("div", ("class", "table-wrap"))
            .Open("table", ("class", "stack"))
            .Element("caption", list.Title.In(scope.Language))
            .Open("thead").Open("tr");
        foreach (var field in list.Fields)
        {
            html.Element("th", field.Label.In(scope.Language), ("scope", "col"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var row in rows)
        {
            html.Open("tr");
            foreach (var field in list.Fields)
            {
                // The label is repeated on each cell: a phone shows the cells stacked, each under its column's name.
                Value(html, "td", Display(field, row, scope), ("data-label", field.Label.In(scope.Language)));
            }

            html.Close("tr");
        }

        html.Close("tbody").Close("table").Close("div");
    }

    /// <summary>Lists with many fields read better as one small card per item than as a wide table.</summary>
    private static void Items(HtmlBuilder html, EditorList list, List<Row> rows, EditorScope scope)
    {
        html.Element("h4", list.Title.In(scope.Language));
        foreach (var row in rows)
        {
            html.Open("div", ("class", "item"))
                .Element("p", row.One(list.KeyField.Name), ("class", "item-title"))
                .Open("dl", ("class", "pairs"));
            foreach (var field in list.Fields.Skip(1))
            {
                html.Element("dt", field.Label.In(scope.Language));
                Value(html, "dd", Display(field, row, scope));
            }

            html.Close("dl").Close("div");
        }
    }

    /// <summary>A value; an empty one shows a dash, so an empty cell reads as "not given" rather than as a gap in the layout.</summary>
    private static void Value(HtmlBuilder html, string tag, string value, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        if (value.Length > 0)
        {
            html.Element(tag, value, attributes);
        }
        else
        {
            html.Open(tag, attributes).Element("span", "–", ("class", "empty")).Close(tag);
        }
    }

    private static string Display(EditorField field, Row row, EditorScope scope) => field.Kind switch
    {
        FieldKind.Choices => string.Join(", ", row.Many(field.Name)),
        FieldKind.Select => field.Choices(scope).FirstOrDefault(c => string.Equals(c.Value, row.One(field.Name), StringComparison.Ordinal))?.Label
            ?? row.One(field.Name),
        _ => row.One(field.Name),
    };
}
