using System.Text;
using StrategyFlow.Core.Framework;
using T = StrategyFlow.Core.Documents.DocumentText;

namespace StrategyFlow.Core.Documents;

/// <summary>
/// Writes the document as CommonMark with pipe tables. All text, the document's own included, goes
/// through <see cref="MarkdownText.Escape"/>; the only markup is what this class writes around it.
/// </summary>
internal static class MarkdownRenderer
{
    public static string Render(DocumentView view)
    {
        var lang = view.Language;
        var md = new StringBuilder();
        Heading(md, 1, view.Title);
        Facts(md, [view.Outcome, .. view.Facts]);

        Heading(md, 2, T.BusinessGoals.In(lang));
        List(md, ordered: true, view.BusinessGoals, T.NoBusinessGoals.In(lang));

        Table(md, 2, view.Overview);
        foreach (var stage in view.Stages)
        {
            Stage(md, stage, lang);
        }

        md.Append("---\n\n");
        Table(md, 2, view.Traceability, T.TraceabilityIntro.In(lang));
        Table(md, 2, view.Findings);
        Table(md, 2, view.Decisions);
        md.Append("---\n\n").Append(E(view.Footer)).Append('\n');
        return md.ToString();
    }

    private static void Stage(StringBuilder md, StageView stage, Language lang)
    {
        md.Append("---\n\n");
        Heading(md, 2, $"{stage.Number}. {stage.Title}");
        Paragraph(md, [stage.Guidance]);
        md.Append("> **").Append(E(T.Principle.In(lang) + ":")).Append("** ").Append(E(stage.Principle)).Append("\n\n");

        Heading(md, 3, T.GuidingQuestions.In(lang));
        foreach (var answer in stage.Answers)
        {
            Heading(md, 4, answer.Question);
            if (answer.Paragraphs.Count == 0)
            {
                Note(md, T.NoAnswer.In(lang));
            }

            foreach (var paragraph in answer.Paragraphs)
            {
                Paragraph(md, paragraph);
            }
        }

        foreach (var table in stage.Tables)
        {
            Table(md, 3, table);
        }

        Heading(md, 3, T.Contributors.In(lang));
        List(md, ordered: false, stage.Contributors, T.NoContributors.In(lang));

        Heading(md, 3, T.Approval.In(lang));
        Facts(md, stage.Approval);
    }

    private static void Table(StringBuilder md, int level, DocumentTable table, string? intro = null)
    {
        Heading(md, level, table.Heading);
        if (intro is not null)
        {
            Paragraph(md, [intro]);
        }

        if (table.Rows.Count == 0)
        {
            Note(md, table.WhenEmpty);
            return;
        }

        Row(md, table.Columns.Select(E));
        Row(md, table.Columns.Select(_ => "---"));
        foreach (var row in table.Rows)
        {
            Row(md, row.Select(CellText));
        }

        md.Append('\n');
    }

    private static void Row(StringBuilder md, IEnumerable<string> cells) =>
        md.Append("| ").AppendJoin(" | ", cells).Append(" |\n");

    private static void List(StringBuilder md, bool ordered, IReadOnlyList<string> items, string whenEmpty)
    {
        if (items.Count == 0)
        {
            Note(md, whenEmpty);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            md.Append(ordered ? $"{i + 1}. " : "- ").Append(E(items[i])).Append('\n');
        }

        md.Append('\n');
    }

    private static void Facts(StringBuilder md, IEnumerable<Fact> facts)
    {
        foreach (var fact in facts)
        {
            md.Append("- **").Append(E(fact.Label + ":")).Append("** ").Append(CellText(fact.Value)).Append('\n');
        }

        md.Append('\n');
    }

    private static string CellText(Cell cell)
    {
        if (cell.IsEmpty)
        {
            return T.Empty;
        }

        var text = string.Join("; ", cell.Lines.Select(E));
        return cell.At is { } at ? $"{text} ({E(T.Iso(at))})" : text;
    }

    private static void Heading(StringBuilder md, int level, string text) =>
        md.Append('#', level).Append(' ').Append(E(text)).Append("\n\n");

    /// <summary>Lines of one paragraph, joined by hard line breaks (a backslash at the end of a line).</summary>
    private static void Paragraph(StringBuilder md, IReadOnlyList<string> lines) =>
        md.AppendJoin("\\\n", lines.Select(E)).Append("\n\n");

    private static void Note(StringBuilder md, string text) => md.Append('*').Append(E(text)).Append("*\n\n");

    private static string E(string text) => MarkdownText.Escape(text);
}
