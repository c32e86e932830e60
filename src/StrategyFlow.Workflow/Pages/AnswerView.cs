using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>Stakeholders' answers, read-only, one section each: their free-text answers and their lists as tables.</summary>
internal static class AnswerView
{
    private const int MaxTableColumns = 4;

    public static void Write(HtmlBuilder html, StageDefinition stage, IReadOnlyList<ContributedAnswer> answers, StrategyContext context, Language language)
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
            html.Open("section", ("class", "contribution"), ("aria-labelledby", headingId))
                .Element("h3", contributor, ("id", headingId))
                .Open("dl");
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
            if (answer is not null)
            {
                var scope = new EditorScope(answer, context, language);
                foreach (var list in StageLists.For(stage.Key))
                {
                    Table(html, list, scope);
                }
            }

            html.Close("section");
        }

        html.Close("section");
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
            .Open("table")
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
                html.Element("td", Display(field, row, scope));
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
                html.Element("dt", field.Label.In(scope.Language)).Element("dd", Display(field, row, scope));
            }

            html.Close("dl").Close("div");
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
